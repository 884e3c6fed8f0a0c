import type { ImportOptions } from './import.js';

export class OptionError extends Error {}

/**
 * Reads the choices that come with an upload (form fields or query parameters), rejecting
 * anything else with a message that says what is allowed.
 */
export function parseUploadOptions(input: {
  region?: unknown;
  series?: unknown;
  basis?: unknown;
}): Pick<ImportOptions, 'region' | 'series' | 'basis'> {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  const series = text(input.series);
  if (series !== undefined && series !== 'actual' && series !== 'plan') {
    throw new OptionError(`数据类型“${series}”无效，应为 actual（实际完成）或 plan（分月计划）`);
  }
  const basis = text(input.basis);
  if (basis !== undefined && basis !== 'cumulative' && basis !== 'increment') {
    throw new OptionError(`数值口径“${basis}”无效，应为 cumulative（累计）或 increment（当月）`);
  }
  const region = text(input.region);
  if (region !== undefined && region.length > 50) throw new OptionError('地区名称过长');
  return { region, series, basis };
}
