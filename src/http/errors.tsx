import { randomBytes } from 'node:crypto';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorMessage, ErrorPage, type ErrorProps } from '../../views/error.js';
import { DomainError, SignInRequiredError } from '../errors.js';
import type { Logger } from '../log.js';

/** What an HTTPException from Hono's own middleware says when it carries no message of ours. */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: '请求有误。',
  401: '请先登录。',
  403: '没有权限进行此操作。',
  404: '找不到所请求的内容。',
  413: '提交的内容过大。',
  415: '不支持这种请求体类型：文件请以 text/csv、.xlsx（application/octet-stream）或 multipart 表单上传。',
};

/** A message in Chinese is ours; a library's English one is replaced by the status's own words. */
const ours = (message: string) => /[\u4e00-\u9fff]/.test(message);

/**
 * The one error path. A DomainError (or Hono's HTTPException) is expected: its status and Chinese
 * message go to the person. Anything else is unexpected: logged once with a reference id, the
 * request id and the stack, and shown as a short apology with that reference.
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const reqId = c.get('requestId');
    if (error instanceof DomainError || error instanceof HTTPException) {
      const status = error.status;
      if (status >= 500) logger.warn({ reqId, status, message: error.message }, 'request refused');
      const message = ours(error.message) ? error.message : (DEFAULT_MESSAGES[status] ?? '请求有误。');
      const signIn = error instanceof SignInRequiredError ? { signIn: error.signIn } : {};
      return respondError(c, { status, message, ...signIn });
    }
    const reference = randomBytes(4).toString('hex');
    logger.error(
      { err: error, reference, reqId, method: c.req.method, path: c.req.path },
      'unexpected error',
    );
    return respondError(c, { status: 500, message: '抱歉，处理请求时出现了意外错误。', reference });
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  respondError(c, { status: 404, message: `找不到页面 ${c.req.path}` });

/**
 * JSON for the API; for htmx, a fragment retargeted to the page's message area (#flash), so that an
 * error is never dropped and never replaces the form the person was filling in; a page otherwise.
 */
export function respondError(c: Context, props: ErrorProps) {
  const status = props.status as 400;
  if (c.req.path.startsWith('/api/')) {
    return c.json(
      { error: props.message, ...(props.reference ? { reference: props.reference } : {}) },
      status,
    );
  }
  if (c.req.header('HX-Request') === 'true') {
    c.header('HX-Retarget', '#flash');
    c.header('HX-Reswap', 'innerHTML');
    return c.html(<ErrorMessage {...props} />, status);
  }
  return c.html(<ErrorPage {...props} />, status);
}
