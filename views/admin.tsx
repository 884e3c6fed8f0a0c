import { ROLE_NAMES, ROLES } from '../src/auth/roles.js';
import type { TokenRow } from '../src/auth/tokens.js';
import type { AccountRow } from '../src/auth/users.js';
import { AUDIT_ACTIONS, AUDIT_FILTERS, type AuditFilter, type AuditRow } from '../src/store/audit.js';
import { formatInstant } from '../src/time.js';
import { CsrfField } from './holes.js';
import { Layout } from './layout.js';

export type UserListRow = AccountRow;

/** Something to hand over once (a new password or token), shown on the page that made it. */
export interface Secret {
  title: string;
  value: string;
  hint: string;
}

export interface UsersPageProps {
  users: UserListRow[];
  tokens: TokenRow[];
  departments: string[];
  secret?: Secret | undefined;
  message?: string | undefined;
}

const scopeText = (u: Pick<UserListRow, 'role' | 'departments'>) =>
  u.role === 'reporter' ? (u.departments ? u.departments.join('、') : '全部责任单位') : '—';

/** Accounts, their roles and scopes, password resets, API tokens. */
export function UsersPage({ users, tokens, departments, secret, message }: UsersPageProps) {
  return (
    <Layout title="账号管理" active="admin">
      <section class="hero hero-small">
        <h1>账号管理</h1>
        <p class="lede">
          管理员管理账号、目录和月报；填报员只能填报所负责单位的指标；查看者只能查看。所有变更都记入审计日志。
        </p>
      </section>
      {secret && (
        <section class="panel notice notice-ok" role="status" id="secret">
          <h2>{secret.title}</h2>
          <p>
            <code class="secret">{secret.value}</code>
          </p>
          <p class="muted">{secret.hint}</p>
        </section>
      )}
      {message && (
        <p class="error-box error-message" role="alert">
          {message}
        </p>
      )}
      <section class="panel">
        <h2>账号</h2>
        <table class="table" id="user-list">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">角色</th>
              <th scope="col">填报范围</th>
              <th scope="col">最近使用</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr data-user={u.username}>
                <td>{u.username}</td>
                <td class="nowrap">{ROLE_NAMES[u.role]}</td>
                <td>{scopeText(u)}</td>
                <td>{u.last_seen_at ? formatInstant(u.last_seen_at) : '从未登录'}</td>
                <td>{u.disabled_at ? `已停用（${formatInstant(u.disabled_at)}）` : '正常'}</td>
                <td class="actions">
                  <details>
                    <summary>修改</summary>
                    <UserForm action={`/admin/users/${u.id}`} departments={departments} user={u} />
                    <form method="post" action={`/admin/users/${u.id}/password`} class="inline-form">
                      <CsrfField />
                      <button type="submit" class="secondary">
                        重置密码
                      </button>
                    </form>
                    <form
                      method="post"
                      action={`/admin/users/${u.id}/${u.disabled_at ? 'enable' : 'disable'}`}
                      class="inline-form"
                    >
                      <CsrfField />
                      <button type="submit" class="secondary">
                        {u.disabled_at ? '启用' : '停用'}
                      </button>
                    </form>
                    {u.role !== 'viewer' && (
                      <form method="post" action={`/admin/users/${u.id}/tokens`} class="inline-form">
                        <CsrfField />
                        <label>
                          接口令牌用途
                          <input name="label" required maxlength={60} placeholder="如：统计局月度导入脚本" />
                        </label>
                        <button type="submit" class="secondary">
                          生成令牌
                        </button>
                      </form>
                    )}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="panel">
        <h2>新建账号</h2>
        <UserForm action="/admin/users" departments={departments} />
        <p class="muted">不填密码则自动生成一个，只显示一次，请转交本人并提醒其登录后修改。</p>
      </section>
      <section class="panel">
        <h2>接口令牌</h2>
        {tokens.length === 0 ? (
          <p class="empty">
            还没有接口令牌。脚本上传数据（POST /api/uploads）时用令牌代替登录，在上表中为填报员生成。
          </p>
        ) : (
          <table class="table" id="token-list">
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">账号</th>
                <th scope="col">用途</th>
                <th scope="col">生成</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.id}</td>
                  <td>{t.username}</td>
                  <td>{t.label}</td>
                  <td>
                    {formatInstant(t.created_at)} · {t.created_by}
                  </td>
                  <td>
                    {t.revoked_at ? (
                      `已吊销（${formatInstant(t.revoked_at)}）`
                    ) : (
                      <form method="post" action={`/admin/tokens/${t.id}/revoke`} class="inline-form">
                        <CsrfField />
                        <button type="submit" class="secondary">
                          吊销
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

function UserForm({
  action,
  departments,
  user,
}: {
  action: string;
  departments: string[];
  user?: UserListRow | undefined;
}) {
  const scope = new Set(user?.departments ?? []);
  return (
    <form method="post" action={action} class="entry-form user-form">
      <CsrfField />
      {!user && (
        <>
          <label>
            用户名
            <input name="username" required maxlength={32} autocomplete="off" />
          </label>
          <label>
            初始密码（可不填）
            <input type="password" name="password" minlength={10} autocomplete="new-password" />
          </label>
        </>
      )}
      <label>
        角色
        <select name="role">
          {ROLES.map((role) => (
            <option value={role} selected={(user?.role ?? 'viewer') === role}>
              {ROLE_NAMES[role]}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="wide department-picker">
        <legend>填报范围（仅对填报员有效；一个都不选 = 全部责任单位，如统计局）</legend>
        {departments.map((d) => (
          <label class="check">
            <input type="checkbox" name="departments" value={d} checked={scope.has(d)} /> {d}
          </label>
        ))}
      </fieldset>
      <button type="submit">{user ? '保存' : '新建账号'}</button>
    </form>
  );
}

/** The audit trail, filtered, newest first, with its CSV download. */
export function AuditPage({
  rows,
  actors,
  filter,
  query,
}: {
  rows: AuditRow[];
  actors: string[];
  filter: AuditFilter;
  query: string;
}) {
  return (
    <Layout title="审计日志" active="audit">
      <section class="hero hero-small">
        <h1>审计日志</h1>
        <p class="lede">
          登录、上传、填报、撤回、账号与令牌变更、月报冻结，逐条记录谁、何时、从哪里、做了什么。日志只增不改。
        </p>
      </section>
      <form method="get" action="/admin/audit" class="panel entry-form no-print">
        <label>
          操作人
          <select name="actor">
            <option value="">全部</option>
            {actors.map((a) => (
              <option value={a} selected={filter.actor === a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          操作
          <select name="action">
            <option value="">全部</option>
            {Object.entries(AUDIT_FILTERS).map(([value, name]) => (
              <option value={value} selected={filter.action === value}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          自
          <input type="date" name="from" value={filter.from ?? ''} />
        </label>
        <label>
          至
          <input type="date" name="to" value={filter.to ?? ''} />
        </label>
        <button type="submit">筛选</button>
        <a class="button secondary" href={`/admin/audit.csv${query}`}>
          下载 CSV
        </a>
      </form>
      <section class="panel">
        {rows.length === 0 ? (
          <p class="empty">没有符合条件的记录。</p>
        ) : (
          <table class="table compact" id="audit-list">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作人</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">详情</th>
                <th scope="col">来源</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatInstant(r.occurred_at)}</td>
                  <td>{r.actor ?? '（未登录）'}</td>
                  <td>{AUDIT_ACTIONS[r.action] ?? r.action}</td>
                  <td>{r.target ?? ''}</td>
                  <td class="detail">{r.detail ?? ''}</td>
                  <td>
                    {r.ip ?? ''} {r.session_ref ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
