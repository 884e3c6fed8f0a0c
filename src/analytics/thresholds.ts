/**
 * The status rule's thresholds, in one place; the pages print them beside the figures.
 * Completion and pace are ratios (0.806, not 80.6%).
 */
export const THRESHOLDS = Object.freeze({
  /** 滞后: completion more than this under the expected pace. */
  behind: 0.05,
  /** 严重滞后: completion more than this under the expected pace (or a level this far under its threshold). */
  farBehind: 0.2,
  /** 未报送: the latest report is older than this many months before the as-of month. */
  staleMonths: 1,
});

export const STATUSES = ['已完成', '正常', '滞后', '严重滞后', '未报送'] as const;
export type Status = (typeof STATUSES)[number];

/** The rule, as written on the pages. */
export const STATUS_RULE = [
  '已完成：达到目标值（约数允许差 5%；保持类指标须到期仍达标）。',
  `正常：完成率不低于序时进度减 ${THRESHOLDS.behind * 100} 个百分点。`,
  `滞后：完成率低于序时进度 ${THRESHOLDS.behind * 100}–${THRESHOLDS.farBehind * 100} 个百分点。`,
  `严重滞后：低于序时进度超过 ${THRESHOLDS.farBehind * 100} 个百分点，或已过完成时限仍未达标。`,
  `未报送：截至所选月份，最近 ${THRESHOLDS.staleMonths + 1} 个月没有报送数据。`,
  '序时进度：从年初到完成时限按月均匀推进；上传了分月计划的指标按计划计算。',
];
