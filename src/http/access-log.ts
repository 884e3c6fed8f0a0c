import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';

/**
 * One JSON line per request, when its answer is ready: method, path (never the query or body,
 * which may carry names and values people typed), status, duration, the signed-in user's id and
 * the request id the response echoes in X-Request-Id.
 */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.info(
        {
          reqId: c.get('requestId'),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          user: c.get('actor')?.userId ?? null,
        },
        'request',
      );
    }
  };
}
