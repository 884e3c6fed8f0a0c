import { zValidator } from '@hono/zod-validator';
import { type ZodType, z } from 'zod';
import { BadRequestError, InvalidError, NotFoundError } from '../errors.js';

// Chinese messages from zod itself, for the rules a schema does not word on its own.
z.config(z.locales.zhCN());

/** What each input is called on the page, for messages that name it. */
const LABELS: Record<string, string> = {
  doc: '文件',
  asof: '统计月份',
  known: '记录时间',
  department: '责任单位',
  part: '部分',
  status: '状态',
  kind: '任务类型',
  region: '地区',
  format: '格式',
  by: '分组方式',
  series: '数据类型',
  basis: '数值口径',
  dry_run: '仅预检',
  file_name: '文件名',
  period: '统计期',
  value: '数值',
  note: '备注',
  reason: '原因',
  token: '预检编号',
  username: '用户名',
  password: '密码',
  role: '角色',
  label: '用途',
  target: '目标值',
  unit: '单位',
  deadline: '完成时限',
  actor: '操作人',
  action: '操作类型',
  from: '开始日期',
  to: '结束日期',
  seq: '任务编号',
  code: '指标编码',
  id: '编号',
  pending: '含待审核数据',
  body: '内容',
  frequency: '报送频率',
  due_day: '截止日',
  file: '文件',
};

const SECRET = new Set(['password', 'current', 'confirm', 'token', '_csrf']);

/** What to say when an input that must be given is missing (else: 请填写<label>。). */
const REQUIRED: Record<string, string> = {
  file: '请选择要上传的 CSV 文件（文件不能为空）。',
};

/** "统计月份“2021-13”无效，应写成 YYYY-MM，如 2021-10" from the first problem zod found. */
export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return '请求有误。';
  const key = String(issue.path[0] ?? '');
  const label = LABELS[key] ?? key;
  const raw =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  if (raw === undefined || raw === '') return REQUIRED[key] ?? `请填写${label}。`;
  // A password is never repeated back, not even a wrong one.
  if (SECRET.has(key)) return `${label}无效，${issue.message}`;
  const shown = String(Array.isArray(raw) ? raw.join(',') : raw).slice(0, 40);
  return `${label}“${shown}”无效，${issue.message}`;
}

const FAILURE = {
  query: BadRequestError,
  param: NotFoundError,
  form: InvalidError,
  json: InvalidError,
} as const;

/**
 * The route's input schema, checked before the handler runs (hono-htmx's habit): a failure becomes
 * the one error type with a Chinese message naming the input — 400 for a query, 404 for a path that
 * names nothing, 422 for a form or JSON body.
 */
export function valid<Target extends keyof typeof FAILURE, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new FAILURE[target](describeIssues(result.error, result.data));
  });
}

/** '' (an empty form field, "全部" in a select) means not given. */
export const optional = <T extends ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Free text of at most `max` characters, trimmed; '' is not given. */
export const text = (max: number) => optional(z.string().trim().max(max, `不能超过 ${max} 个字符`));

/** A month as YYYY-MM. */
export const month = z.string().regex(/^\d{4}-(0?[1-9]|1[0-2])$/, '应写成 YYYY-MM，如 2021-10');

/** A positive whole number given as text (path segments, form fields). */
export const positiveInt = (message: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number);
