import { Layout } from './layout.js';

export interface ErrorProps {
  status: number;
  message: string;
  /** Given for unexpected errors, so a user can quote it and an operator can find the log line. */
  reference?: string | undefined;
  /** The sign-in that comes back to the page (a session that ended while the page was open). */
  signIn?: string | undefined;
}

/** The error as a fragment, for htmx to swap in place. */
export function ErrorMessage({ status, message, reference, signIn }: ErrorProps) {
  return (
    <div class="error-box" role="alert" data-status={status}>
      <button type="button" class="dismiss no-print" data-dismiss aria-label="关闭">
        ×
      </button>
      <p class="error-message">{message}</p>
      {signIn && (
        <p class="error-action">
          <a href={signIn}>重新登录并返回本页</a>
        </p>
      )}
      {reference && <p class="error-ref">错误编号：{reference}（请将此编号告知系统管理员）</p>}
    </div>
  );
}

export function ErrorPage(props: ErrorProps) {
  const heading = props.status === 404 ? '页面不存在' : props.status >= 500 ? '系统出错了' : '请求有误';
  return (
    <Layout title={heading}>
      <section class="empty-state">
        <h1>{heading}</h1>
        <ErrorMessage {...props} />
        <p>
          <a href="/">返回总览</a>
        </p>
      </section>
    </Layout>
  );
}
