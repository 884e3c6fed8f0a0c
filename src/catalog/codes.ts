import type { Target } from './quantities.js';
import type { Indicator } from './types.js';

/**
 * Gives a task's (or goal's) targets their codes `${prefix}-${n}`, n from 1 in document order.
 *
 * With the indicators a reviewed catalogue already gives the same task, each target that matches
 * one of them (same value and unit, or for milestones the same kind) keeps its code and its
 * reviewed name, so that actuals uploaded against a code keep pointing at the same target; new
 * targets are appended with numbers after the highest one used. Previous indicators that match no
 * target come back as `dropped`, for the reviewer.
 */
export function assignCodes(
  prefix: string,
  targets: Target[],
  previous?: Indicator[],
): { indicators: Indicator[]; dropped: Indicator[] } {
  if (!previous)
    return { indicators: targets.map((t, i) => ({ code: `${prefix}-${i + 1}`, ...t })), dropped: [] };
  const left = [...previous];
  const matched: (Indicator | undefined)[] = targets.map(() => undefined);
  const tiers: ((t: Target, p: Indicator) => boolean)[] = [
    (t, p) => t.value === p.value && t.unit === p.unit && t.source === p.source,
    (t, p) => t.value === p.value && t.unit === p.unit && t.deadline === p.deadline,
    (t, p) => t.value === p.value && t.unit === p.unit,
  ];
  for (const same of tiers) {
    targets.forEach((t, i) => {
      if (matched[i]) return;
      const k = left.findIndex((p) => same(t, p));
      if (k >= 0) {
        matched[i] = left[k];
        left.splice(k, 1);
      }
    });
  }
  const numberOf = (code: string) => Number(/-(\d+)$/.exec(code)?.[1] ?? 0);
  let next = Math.max(0, ...previous.map((p) => numberOf(p.code))) + 1;
  const kept: Indicator[] = [];
  const added: Indicator[] = [];
  targets.forEach((t, i) => {
    const p = matched[i];
    if (p) kept.push({ code: p.code, ...t, name: p.name });
    else added.push({ code: `${prefix}-${next++}`, ...t });
  });
  kept.sort((a, b) => numberOf(a.code) - numberOf(b.code));
  return { indicators: [...kept, ...added], dropped: left };
}
