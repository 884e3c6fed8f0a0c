import { OpenAPIHono } from '@hono/zod-openapi';
import { BadRequestError, InvalidError } from '../../errors.js';
import { describeIssues } from '../../http/validate.js';
import type { RouteDeps } from '../deps.js';
import { accountabilityApi } from './accountability.js';
import { documentApi } from './documents.js';
import { indicatorApi } from './indicators.js';
import { snapshotApi } from './snapshots.js';
import { uploadApi } from './uploads.js';

/**
 * The JSON API for scripts (a superior office's, a department's import job), described by an
 * OpenAPI document generated from the same zod schemas that check every request:
 * GET /api/openapi.json.
 */
export function apiRoutes(deps: RouteDeps) {
  const app = new OpenAPIHono({
    // The same Chinese messages as the pages: 400 for a query, 422 for a body.
    defaultHook: (result) => {
      if (result.success) return;
      const message = describeIssues(result.error, (result as { data?: unknown }).data);
      throw result.target === 'query' || result.target === 'param'
        ? new BadRequestError(message)
        : new InvalidError(message);
    },
  });
  indicatorApi(app, deps);
  uploadApi(app, deps);
  snapshotApi(app, deps);
  accountabilityApi(app, deps);
  documentApi(app, deps);
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: '台账 taizhang API',
      version: '1',
      description:
        '重点任务落实台账的数据接口。以 Authorization: Bearer <接口令牌> 调用（令牌由管理员在“账号”页生成），或在浏览器中登录后调用。比率为小数（0.806 表示 80.6%）。',
    },
    servers: [{ url: '/api' }],
  });
  return app;
}

export type ApiApp = OpenAPIHono;
