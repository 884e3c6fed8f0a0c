import { Layout } from './layout.js';

export interface LoginProps {
  /** Where to go after signing in (a path of this site). */
  next: string;
  username?: string;
  message?: string | undefined;
  notice?: string | undefined;
}

/** The sign-in page: user name and password, posted to /login. */
export function LoginPage({ next, username = '', message, notice }: LoginProps) {
  return (
    <Layout title="登录">
      <section class="login-panel panel">
        <h1>登录台账</h1>
        {notice && (
          <p class="notice notice-ok" role="status">
            {notice}
          </p>
        )}
        {message && (
          <p class="error-box error-message" role="alert">
            {message}
          </p>
        )}
        <form method="post" action="/login" class="entry-form login-form">
          <input type="hidden" name="next" value={next} />
          <label class="wide">
            用户名
            <input
              name="username"
              autocomplete="username"
              required
              maxlength={32}
              value={username}
              autofocus
            />
          </label>
          <label class="wide">
            密码
            <input type="password" name="password" autocomplete="current-password" required maxlength={128} />
          </label>
          <button type="submit">登录</button>
        </form>
        <p class="muted">忘记密码请联系系统管理员重置。连续输错 5 次后，该账号需等待 15 分钟才能再次尝试。</p>
      </section>
    </Layout>
  );
}
