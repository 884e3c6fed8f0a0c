import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { ErrorMessage, ErrorPage, type ErrorProps } from '../views/error.js';
import { VersionCache } from './analytics/cache.js';
import { authenticate, authorize, csrfGuard } from './auth/middleware.js';
import { personalise } from './auth/personalise.js';
import { LoginThrottle } from './auth/throttle.js';
import { NotFoundError } from './catalog/read.js';
import type { Config } from './config.js';
import { PendingUploads } from './ingest/pending.js';
import { adminRoutes } from './routes/admin.js';
import { apiRoutes } from './routes/api.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { indicatorRoutes } from './routes/indicators.js';
import { versionedPages } from './routes/page-cache.js';
import { pageRoutes } from './routes/pages.js';
import { regionRoutes } from './routes/regions.js';
import { sampleRoutes } from './routes/sample.js';
import { snapshotRoutes } from './routes/snapshot.js';
import { snapshotPages } from './routes/snapshots.js';
import { staticRoutes } from './routes/static.js';
import { uploadLimit, uploadRoutes } from './routes/uploads.js';
import { type Store, StoreError } from './store/store.js';

export interface AppDeps {
  store: Store;
  config: Config;
  /** Where unexpected errors are logged; tests pass their own. */
  log?: (message: string, error: unknown) => void;
}

/** Builds the whole app from its parts; tests call app.request() on it without a port. */
export function createApp({ store, config, log = defaultLog }: AppDeps) {
  const app = new Hono();
  const pending = new PendingUploads(config.uploadsDir);
  const cache = new VersionCache(store);

  const throttle = new LoginThrottle();

  // Order matters: who is asking, then fill their holes in whatever comes back (errors included),
  // then whether they may, then whether the request really comes from our own page.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: 'same-origin',
      // Only heeded over HTTPS; not for sibling hosts of the intranet domain.
      strictTransportSecurity: 'max-age=15552000',
    }),
  );
  app.use('*', uploadLimit(config));
  app.use('*', authenticate(store));
  app.use('*', personalise());
  app.use('*', authorize(config));
  app.use('*', csrfGuard(config));
  app.use('*', versionedPages(cache));
  app.route('/', authRoutes({ store, config, throttle }));
  app.route('/', adminRoutes(store));
  app.route('/', healthRoutes(store));
  app.route('/static', staticRoutes());
  app.route('/api', apiRoutes({ store, config, pending }));
  app.route('/api', snapshotRoutes(store, cache));
  app.route('/', uploadRoutes({ store, config, pending }));
  app.route('/', indicatorRoutes({ store, pending }));
  app.route('/', sampleRoutes(store));
  app.route('/', snapshotPages(store, cache));
  app.route('/', regionRoutes(store));
  app.route('/', pageRoutes(store, cache));

  app.notFound((c) => respondError(c, { status: 404, message: `找不到页面 ${c.req.path}` }));
  app.onError((error, c) => {
    if (error instanceof HTTPException)
      return respondError(c, { status: error.status, message: error.message });
    if (error instanceof NotFoundError) return respondError(c, { status: 404, message: error.message });
    // The database could not do what was asked (a full disk): say so, and log it for the operator.
    if (error instanceof StoreError) {
      log(`${c.req.method} ${c.req.path}`, error);
      return respondError(c, { status: 503, message: error.message });
    }
    const reference = randomBytes(4).toString('hex');
    log(`[${reference}] ${c.req.method} ${c.req.path}`, error);
    return respondError(c, { status: 500, message: '抱歉，处理请求时出现了意外错误。', reference });
  });

  return app;
}

/**
 * Only the app's own scripts, styles and images; no inline script or style (htmx is served by the
 * app with its inline styles and eval turned off; Plot's inline styles are moved into app.css);
 * never framed.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

/** One error view for every failure: JSON for the API, a fragment for htmx, a page otherwise. */
function respondError(c: Context, props: ErrorProps) {
  const status = props.status as 400;
  if (c.req.path.startsWith('/api/')) {
    return c.json(
      { error: props.message, ...(props.reference ? { reference: props.reference } : {}) },
      status,
    );
  }
  if (c.req.header('HX-Request') === 'true') return c.html(<ErrorMessage {...props} />, status);
  return c.html(<ErrorPage {...props} />, status);
}

function defaultLog(message: string, error: unknown) {
  console.error(message, error);
}
