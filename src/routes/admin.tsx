import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AuditPage, type Secret, type UserListRow, UsersPage } from '../../views/admin.js';
import { AUDIT_ACTIONS, AUDIT_FILTERS, type AuditFilter, listAudit } from '../auth/audit.js';
import { actorOf } from '../auth/middleware.js';
import { isRole } from '../auth/roles.js';
import { createToken, listTokens, revokeToken } from '../auth/tokens.js';
import { AccountError, createUser, resetPassword, setDisabled, updateUser } from '../auth/users.js';
import { CorrectionError, correctIndicator } from '../catalog/corrections.js';
import { toCsv } from '../export/csv.js';
import type { Store } from '../store/store.js';
import { formatInstant } from '../time.js';
import { csvResponse } from './uploads.js';

/** The administrator's pages: accounts, tokens, indicator corrections and the audit trail. */
export function adminRoutes(store: Store) {
  const app = new Hono();

  const usersPage = async (c: Context, extra: { secret?: Secret; message?: string } = {}, status = 200) => {
    const users = await store.all<UserListRow>('auth/users');
    const departments = (await store.all<{ department: string }>('auth/departments')).map(
      (d) => d.department,
    );
    const page = (
      <UsersPage users={users} tokens={await listTokens(store)} departments={departments} {...extra} />
    );
    return c.html(page, status as 200);
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

  const userId = (c: Context) => Number(c.req.param('id'));

  app.get('/admin/users', (c) => usersPage(c));

  app.post('/admin/users', async (c) => {
    const body = await c.req.parseBody({ all: true });
    return change(c, async () => {
      const created = await createUser(store, actorOf(c), {
        username: text(body.username),
        role: role(body.role),
        departments: list(body.departments),
        password: text(body.password) || undefined,
      });
      return {
        title: `已新建账号 ${created.username}`,
        value: created.password,
        hint: '这是该账号的初始密码，只显示这一次。请当面或通过安全渠道转交，并提醒其登录后修改。',
      };
    });
  });

  app.post('/admin/users/:id{[0-9]+}', async (c) => {
    const body = await c.req.parseBody({ all: true });
    return change(c, async () => {
      await updateUser(store, actorOf(c), userId(c), {
        role: role(body.role),
        departments: list(body.departments),
      });
      return undefined;
    });
  });

  app.post('/admin/users/:id{[0-9]+}/password', (c) =>
    change(c, async () => {
      const reset = await resetPassword(store, actorOf(c), userId(c));
      return {
        title: `已重置 ${reset.username} 的密码`,
        value: reset.password,
        hint: '新密码只显示这一次；该账号原有的登录已全部失效。',
      };
    }),
  );

  app.post('/admin/users/:id{[0-9]+}/disable', (c) =>
    change(c, async () => {
      await setDisabled(store, actorOf(c), userId(c), true);
      return undefined;
    }),
  );

  app.post('/admin/users/:id{[0-9]+}/enable', (c) =>
    change(c, async () => {
      await setDisabled(store, actorOf(c), userId(c), false);
      return undefined;
    }),
  );

  app.post('/admin/users/:id{[0-9]+}/tokens', async (c) => {
    const body = await c.req.parseBody();
    return change(c, async () => {
      const { id, token } = await createToken(store, actorOf(c), userId(c), text(body.label));
      return {
        title: `已生成接口令牌 ${id}`,
        value: token,
        hint: '令牌只显示这一次，库中只存其摘要。脚本以 Authorization: Bearer <令牌> 调用 POST /api/uploads；不再使用时请吊销。',
      };
    });
  });

  app.post('/admin/tokens/:id{[0-9]+}/revoke', (c) =>
    change(c, async () => {
      await revokeToken(store, actorOf(c), userId(c));
      return undefined;
    }),
  );

  app.post('/admin/indicators/:code', async (c) => {
    const code = c.req.param('code');
    const body = await c.req.parseBody({ all: true });
    try {
      await correctIndicator(store, actorOf(c), code, {
        target: text(body.target),
        unit: typeof body.unit === 'string' ? body.unit : undefined,
        deadline: text(body.deadline),
        retired: body.retired === '1',
        reason: text(body.reason),
      });
    } catch (error) {
      if (error instanceof CorrectionError) throw new HTTPException(422, { message: error.message });
      throw error;
    }
    return c.redirect(`/indicators/${encodeURIComponent(code)}#correction`, 303);
  });

  const auditFilter = (c: Context): AuditFilter => {
    const date = (name: string) => {
      const value = c.req.query(name) ?? '';
      if (value === '') return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
        throw new HTTPException(422, { message: `日期“${value.slice(0, 20)}”无效，应写成 YYYY-MM-DD` });
      return value;
    };
    const action = c.req.query('action') || null;
    if (action && !(action in AUDIT_FILTERS) && !(action in AUDIT_ACTIONS))
      throw new HTTPException(422, { message: '没有这种操作类型' });
    return { actor: c.req.query('actor') || null, action, from: date('from'), to: date('to') };
  };

  app.get('/admin/audit', async (c) => {
    const filter = auditFilter(c);
    const actors = (await store.all<{ actor: string }>('auth/audit_actors')).map((a) => a.actor);
    const query = new URL(c.req.url).search;
    return c.html(
      <AuditPage rows={await listAudit(store, filter)} actors={actors} filter={filter} query={query} />,
    );
  });

  app.get('/admin/audit.csv', async (c) => {
    const rows = await listAudit(store, { ...auditFilter(c), limit: 1_000_000 });
    const csv = toCsv(
      ['编号', '时间', '操作人', '操作', '操作代码', '对象', '详情', '地址', '会话'],
      rows.map((r) => [
        r.id,
        formatInstant(r.occurred_at),
        r.actor,
        AUDIT_ACTIONS[r.action] ?? r.action,
        r.action,
        r.target,
        r.detail,
        r.ip,
        r.session_ref,
      ]),
    );
    return csvResponse(c, csv, '审计日志.csv');
  });

  return app;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );
function role(value: unknown) {
  if (!isRole(value)) throw new HTTPException(422, { message: '角色应为 管理员、填报员 或 查看者' });
  return value;
}
