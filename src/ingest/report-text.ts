import type { ImportReport } from './import.js';

const STATUS_TEXT: Record<ImportReport['status'], string> = {
  preview: '检查完成（试运行，未写入）',
  committed: '已提交',
  rejected: '未通过检查，未写入任何数据',
  duplicate: '重复文件，未做任何更改',
  unchanged: '没有新数据，未做任何更改',
};

/** The import report as plain text, for the command line. */
export function reportText(report: ImportReport): string {
  const c = report.counts;
  const lines = [
    `${report.fileName}：${STATUS_TEXT[report.status]}${report.uploadId ? `（第 ${report.uploadId} 批）` : ''}`,
    `编码 ${report.encoding ?? '未知'}，格式 ${report.format === 'wide' ? '按月分列' : report.format === 'long' ? '逐行' : '未知'}`,
    `读取 ${c.lines} 行、${c.values} 个数值：新增 ${c.new}，修订 ${c.revised}，未变 ${c.unchanged}，空白 ${c.blank}；错误 ${c.errors}，提醒 ${c.warnings}`,
  ];
  for (const note of report.layout?.summary ?? []) lines.push(`  ${note}`);
  for (const change of report.changes.filter((r) => r.change === 'revised').slice(0, 20)) {
    lines.push(
      `  修订 ${change.sheet ? `工作表“${change.sheet}”` : ''}第${change.line}行 ${change.code} ${change.region} ${change.period}：${change.old_value ?? change.old_status ?? '—'} → ${change.value ?? change.milestone_status}`,
    );
  }
  for (const p of report.problems) {
    // A workbook's messages already name their sheet and row.
    const where = [p.line && !p.sheet ? `第${p.line}行` : null, p.column ? `“${p.column}”列` : null]
      .filter(Boolean)
      .join(' ');
    lines.push(`  ${p.severity === 'error' ? '错误' : '提醒'}${where ? ` ${where}` : ''}：${p.message}`);
  }
  if (c.errors + c.warnings > report.problems.length)
    lines.push(`  ……另有 ${c.errors + c.warnings - report.problems.length} 个问题未列出`);
  return lines.join('\n');
}
