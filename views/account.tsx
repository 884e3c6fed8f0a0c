import type { Actor } from '../src/auth/roles.js';
import { describeRole } from '../src/auth/users.js';
import { CsrfField } from './holes.js';
import { Layout } from './layout.js';

/** One's own account: role and scope, change password, sign out everywhere. */
export function AccountPage({ actor, message }: { actor: Actor; message?: string | undefined }) {
  return (
    <Layout title="我的账号">
      <section class="hero hero-small">
        <h1>我的账号</h1>
        <p class="lede">
          {actor.username} · {describeRole(actor.role, actor.departments)}
        </p>
      </section>
      <section class="panel">
        <h2>修改密码</h2>
        {message && (
          <p class="error-box error-message" role="alert">
            {message}
          </p>
        )}
        <form method="post" action="/account/password" class="entry-form">
          <CsrfField />
          <label>
            当前密码
            <input type="password" name="current" autocomplete="current-password" required />
          </label>
          <label>
            新密码（至少 10 个字符）
            <input type="password" name="password" autocomplete="new-password" required minlength={10} />
          </label>
          <label>
            再次输入新密码
            <input type="password" name="confirm" autocomplete="new-password" required minlength={10} />
          </label>
          <button type="submit">修改密码</button>
        </form>
        <p class="muted">修改后，所有设备上的登录都会失效，需用新密码重新登录。</p>
      </section>
      <section class="panel">
        <h2>退出所有设备</h2>
        <form method="post" action="/account/logout-all" class="inline-form">
          <CsrfField />
          <button type="submit" class="secondary">
            退出所有设备上的登录
          </button>
        </form>
      </section>
    </Layout>
  );
}
