import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { BadRequestError } from '../errors.js';

/**
 * With TAIZHANG_ORIGIN set, a request must name one of those hosts (Host, or X-Forwarded-Host from
 * the proxy in front), so that no link, redirect or origin check is ever built from a forged
 * Host. The health check answers any host, for the monitoring on the machine itself.
 */
export function checkHost(config: Config): MiddlewareHandler {
  const hosts = new Set(config.allowedOrigins.map((origin) => new URL(origin).host));
  return async (c, next) => {
    if (hosts.size === 0 || c.req.path === '/healthz') return next();
    const asked = c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? new URL(c.req.url).host;
    if (!hosts.has(asked.split(',')[0]?.trim() ?? '')) {
      throw new BadRequestError(`请求的主机名“${asked.slice(0, 60)}”不是本站的地址（TAIZHANG_ORIGIN）。`);
    }
    return next();
  };
}
