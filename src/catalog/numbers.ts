import { toHalfWidth } from './text.js';

const MULTIPLIERS: Record<string, number> = { 万: 10_000, 亿: 100_000_000, 万亿: 1_000_000_000_000 };

/**
 * A number as Chinese documents write it, to a plain number: '3.6万' → 36000, '1.58万' → 15800,
 * '3.5亿' → 350000000, '1,623' → 1623, '３６０００' → 36000. NaN when it is not such a number.
 * Multiplies in integers of the decimal digits so 1.58万 is exactly 15800.
 */
export function parseChineseNumber(raw: string): number {
  const text = toHalfWidth(raw).replace(/,/g, '').trim();
  const m = /^(\d+)(?:\.(\d+))?(万亿|万|亿)?$/.exec(text);
  if (!m) return Number.NaN;
  const [, whole = '', fraction = '', unit] = m;
  const multiplier = unit ? (MULTIPLIERS[unit] ?? 1) : 1;
  const scaled = BigInt(whole + fraction) * BigInt(multiplier);
  const divisor = 10 ** fraction.length;
  return Number(scaled) / divisor;
}
