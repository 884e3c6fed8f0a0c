import { z } from 'zod';
import type { Catalog } from './types.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD');

const indicator = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, '编码只能含字母、数字和连字符'),
  name: z.string().min(1),
  value: z.number().finite().nullable(),
  unit: z.string().min(1).nullable(),
  comparator: z.enum(['>=', '<=', '=', '~']),
  deadline: isoDate,
  kind: z.enum(['count', 'level', 'coverage', 'growth', 'milestone']),
  source: z.string(),
  recurrence: z.enum(['annual']).nullable().optional(),
});

const task = z.object({
  seq: z.number().int().positive(),
  part: z.number().int().positive(),
  section: z.number().int().nonnegative(),
  text: z.string().min(1),
  departments: z.array(z.string().min(1)).min(1, '每项任务至少要有一个责任单位'),
  departmentMode: z.enum(['sole', 'separate', 'lead']),
  lead: z.string().min(1).nullable().optional(),
  indicators: z.array(indicator),
});

const goal = z.object({
  no: z.number().int().positive(),
  title: z.string().min(1),
  text: z.string(),
  indicators: z.array(indicator),
});

const doubt = z.object({
  kind: z.enum(['department', 'number', 'numbering', 'year', 'previous']),
  seq: z.number().int().positive().nullable(),
  message: z.string().min(1),
  source: z.string(),
});

/** The shape of a reviewed catalogue file (seeds/*.catalog.json), checked before it is loaded. */
export const catalogSchema = z.object({
  document: z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '文件编号只能含小写字母、数字和连字符'),
    title: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
  }),
  parts: z.array(z.object({ no: z.number().int().positive(), title: z.string().min(1) })).min(1),
  sections: z.array(
    z.object({
      no: z.number().int().positive(),
      part: z.number().int().positive(),
      title: z.string().min(1),
    }),
  ),
  tasks: z.array(task).min(1),
  headline: z.array(z.string()).optional(),
  goals: z.array(goal).optional(),
  /** The parser's doubts, as the command line prints them beside the catalogue; not loaded. */
  doubts: z.array(doubt).optional(),
});

export class CatalogFileError extends Error {}

/** Checks a parsed catalogue file; throws CatalogFileError naming each problem's place in the file. */
export function checkCatalog(data: unknown, file: string): Catalog {
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 10)
      .map((issue) => `  ${issue.path.join('.') || '(根)'}：${issue.message}`)
      .join('\n');
    throw new CatalogFileError(`目录文件 ${file} 格式有误：\n${problems}`);
  }
  const catalog = result.data;
  const codes = new Set<string>();
  for (const t of [...catalog.tasks, ...(catalog.goals ?? [])]) {
    for (const i of t.indicators) {
      if (codes.has(i.code)) throw new CatalogFileError(`目录文件 ${file}：指标编码 ${i.code} 重复`);
      codes.add(i.code);
    }
  }
  for (const code of catalog.headline ?? []) {
    if (!codes.has(code))
      throw new CatalogFileError(`目录文件 ${file}：headline 中的指标编码 ${code} 不存在`);
  }
  return catalog;
}
