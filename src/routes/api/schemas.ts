import { z } from 'zod';
import { STATUSES } from '../../analytics/thresholds.js';

/** A download's body, for the OpenAPI document. */
export const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
});

/** Every refusal: a Chinese message, and a reference for an unexpected error. */
export const errorBody = {
  description: '出错：error 为中文说明；意外错误另有 reference 编号',
  content: {
    'application/json': { schema: z.object({ error: z.string(), reference: z.string().optional() }) },
  },
};

export const indicatorState = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['count', 'level', 'coverage', 'growth', 'milestone']),
    target: z.number().nullable(),
    target_from: z.enum(['document', 'regional', 'province', 'none']).meta({
      description:
        '目标来源：document 文件（全省）；regional 分解到该地区的目标；province 沿用全省目标（比率、水平、节点任务）；none 该地区未分解目标（数量类），不计完成率与状态',
    }),
    unit: z.string().nullable(),
    comparator: z.string(),
    deadline: z.string(),
    actual: z.number().nullable(),
    last_period: z.string().nullable(),
    completion: z.number().nullable().meta({ description: '完成率，比率（0.806 表示 80.6%）' }),
    pace: z.number().meta({ description: '序时进度，比率' }),
    status: z.enum(STATUSES).nullable().meta({ description: 'target_from 为 none 时为 null' }),
    forecast: z.number().nullable(),
    forecast_done: z.string().nullable(),
    departments: z.array(z.string()),
    previous: z
      .object({
        code: z.string(),
        document: z.string(),
        year: z.number(),
        target: z.number().nullable(),
        unit: z.string().nullable(),
        actual: z.number().nullable(),
        completion: z.number().nullable(),
        status: z.string(),
        link: z.enum(['name', 'similar', 'confirmed', 'chosen']).meta({
          description:
            '为何是这一指标：name 名称与单位相同，similar 名称相近，confirmed 管理员确认，chosen 管理员改选',
        }),
      })
      .nullable()
      .optional()
      .meta({ description: '上一版文件中的同一指标：目标与该年末的累计完成、完成率；没有时为 null' }),
  })
  .loose();

export const importReport = z
  .object({
    status: z.enum(['preview', 'committed', 'rejected', 'duplicate', 'unchanged']),
    uploadId: z.number().nullable(),
    counts: z.record(z.string(), z.number()),
    problems: z.array(
      z.object({
        line: z.number().nullable(),
        column: z.string().nullable(),
        severity: z.enum(['error', 'warning']),
        code: z.string(),
        message: z.string(),
        found: z.string().nullable(),
      }),
    ),
  })
  .loose();
