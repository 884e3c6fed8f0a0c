import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AuditPage, type Secret, UsersPage } from '../../views/admin.js';
import { actorOf } from '../auth/middleware.js';
import { ROLES } from '../auth/roles.js';
import { createToken, listTokens, revokeToken } from '../auth/tokens.js';
import {
  AccountError,
  createUser,
  listAccounts,
  resetPassword,
  setDisabled,
  updateUser,
} from '../auth/users.js';
import { correctIndicator } from '../catalog/corrections.js';
import { auditCsv } from '../export/audit.js';
import { csvResponse } from '../http/downloads.js';
import { optional, positiveInt, text, valid } from '../http/validate.js';
import { AUDIT_ACTIONS, AUDIT_FILTERS, auditActors, listAudit } from '../store/audit.js';
import type { RouteDeps } from './deps.js';

const idParam = z.object({ id: positiveInt('应为账号编号') });
const role = z.enum(ROLES, { error: '应为 管理员、填报员 或 查看者' });
/** One or several checked departments (a form sends one field per box). */
const departments = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((d) => d !== ''));

const date = optional(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应写成 YYYY-MM-DD')
    .refine((v) => !Number.isNaN(Date.parse(v)), '应写成 YYYY-MM-DD'),
);

const auditQuery = z.object({
  actor: text(40),
  action: optional(z.string().refine((a) => a in AUDIT_FILTERS || a in AUDIT_ACTIONS, '没有这种操作类型')),
  from: date,
  to: date,
});

/** The administrator's pages: accounts, tokens, indicator corrections and the audit trail. */
export function adminRoutes({ store }: RouteDeps) {
  const app = new Hono();

  const usersPage = async (c: Context, extra: { secret?: Secret; message?: string } = {}, status = 200) => {
    const { users, departments: all } = await listAccounts(store);
    return c.html(
      <UsersPage users={users} tokens={await listTokens(store)} departments={all} {...extra} />,
      status as 200,
    );
  };

  /** Runs an account change; a refusal (name taken, last admin …) comes back on the page, 422. */
  const change = async (c: Context, work: () => Promise<Secret | undefined>) => {
    try {
      const secret = await work();
      if (!secret) return c.redirect('/admin/users', 303);
      return usersPage(c, { secret });
    } catch (error) {
      if (error instanceof AccountError) return usersPage(c, { message: error.message }, 422);
      throw error;
    }
  };

  app.get('/admin/users', (c) => usersPage(c));

  app.post(
    '/admin/users',
    valid('form', z.object({ username: z.string().trim().max(64), role, departments, password: text(128) })),
    (c) =>
      change(c, async () => {
        const created = await createUser(store, actorOf(c), c.req.valid('form'));
        return {
          title: `已新建账号 ${created.username}`,
          value: created.password,
          hint: '这是该账号的初始密码，只显示这一次。请当面或通过安全渠道转交，并提醒其登录后修改。',
        };
      }),
  );

  app.post(
    '/admin/users/:id{[0-9]+}',
    valid('param', idParam),
    valid('form', z.object({ role, departments })),
    (c) =>
      change(c, async () => {
        await updateUser(store, actorOf(c), c.req.valid('param').id, c.req.valid('form'));
        return undefined;
      }),
  );

  app.post('/admin/users/:id{[0-9]+}/password', valid('param', idParam), (c) =>
    change(c, async () => {
      const reset = await resetPassword(store, actorOf(c), c.req.valid('param').id);
      return {
        title: `已重置 ${reset.username} 的密码`,
        value: reset.password,
        hint: '新密码只显示这一次；该账号原有的登录已全部失效。',
      };
    }),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/admin/users/:id{[0-9]+}/${action}`, valid('param', idParam), (c) =>
      change(c, async () => {
        await setDisabled(store, actorOf(c), c.req.valid('param').id, disabled);
        return undefined;
      }),
    );
  }

  app.post(
    '/admin/users/:id{[0-9]+}/tokens',
    valid('param', idParam),
    valid('form', z.object({ label: z.string().max(200).default('') })),
    (c) =>
      change(c, async () => {
        const { id, token } = await createToken(
          store,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('form').label,
        );
        return {
          title: `已生成接口令牌 ${id}`,
          value: token,
          hint: '令牌只显示这一次，库中只存其摘要。脚本以 Authorization: Bearer <令牌> 调用接口（填报员的令牌可调用 POST /api/uploads；查看者的令牌只读，如 GET /api/duban、/api/snapshot）；不再使用时请吊销。',
        };
      }),
  );

  app.post('/admin/tokens/:id{[0-9]+}/revoke', valid('param', idParam), (c) =>
    change(c, async () => {
      await revokeToken(store, actorOf(c), c.req.valid('param').id);
      return undefined;
    }),
  );

  app.post(
    '/admin/indicators/:code',
    valid(
      'form',
      z.object({
        target: z.string().max(40).optional(),
        unit: z.string().max(40).optional(),
        deadline: z.string().max(40).optional(),
        retired: z.string().optional(),
        effective: z.string().max(20).optional(),
        source: z.string().max(400).optional(),
        reason: z.string().max(1000).default(''),
      }),
    ),
    async (c) => {
      const code = c.req.param('code');
      const form = c.req.valid('form');
      await correctIndicator(store, actorOf(c), code, { ...form, retired: form.retired === '1' });
      return c.redirect(`/indicators/${encodeURIComponent(code)}#correction`, 303);
    },
  );

  app.get('/admin/audit', valid('query', auditQuery), async (c) => {
    const filter = c.req.valid('query');
    const query = new URL(c.req.url).search;
    return c.html(
      <AuditPage
        rows={await listAudit(store, filter)}
        actors={await auditActors(store)}
        filter={filter}
        query={query}
      />,
    );
  });

  app.get('/admin/audit.csv', valid('query', auditQuery), async (c) =>
    csvResponse(
      c,
      auditCsv(await listAudit(store, { ...c.req.valid('query'), limit: 1_000_000 })),
      '审计日志.csv',
    ),
  );

  return app;
}
