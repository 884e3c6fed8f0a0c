import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate, authorize, csrfGuard, guardPending, REFRESH_HEADER } from './auth/middleware.js';
import { LoginThrottle, PasswordChecks } from './auth/throttle.js';
import type { Config } from './config.js';
import { accessLog } from './http/access-log.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { checkHost } from './http/host.js';
import { versionedPages } from './http/page-cache.js';
import { personalise } from './http/personalise.js';
import { PendingUploads } from './ingest/pending.js';
import { type Logger, silentLogger } from './log.js';
import { accountabilityRoutes } from './routes/accountability.js';
import { adminRoutes } from './routes/admin.js';
import { apiRoutes } from './routes/api/index.js';
import { authRoutes } from './routes/auth.js';
import type { RouteDeps } from './routes/deps.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { indicatorRoutes } from './routes/indicators.js';
import { pageRoutes } from './routes/pages.js';
import { regionRoutes } from './routes/regions.js';
import { sampleRoutes } from './routes/sample.js';
import { snapshotPages } from './routes/snapshots.js';
import { staticRoutes } from './routes/static.js';
import { uploadRoutes } from './routes/uploads.js';
import type { Store } from './store/store.js';
import { VersionCache } from './store/version-cache.js';

export interface AppDeps {
  store: Store;
  config: Config;
  /** The operator's log (JSON lines); tests pass one that writes where they can read it. */
  logger?: Logger;
}

/** Routes that take files; every other route takes at most a form's worth of body. */
const FILE_ROUTES = /^\/(api\/)?(uploads|documents)\/?$|^\/api\/documents\/[a-z0-9-]+$/;
/** Evidence files (佐证材料), with their own limit (TAIZHANG_EVIDENCE_LIMIT_MB). */
const EVIDENCE_ROUTES = /^\/(api\/)?indicators\/[^/]+\/evidence\/?$/;
const FORM_LIMIT_BYTES = 1024 * 1024;

/** Builds the whole app from its parts; tests call app.request() on it without a port. */
export function createApp({ store, config, logger = silentLogger() }: AppDeps) {
  const app = new Hono();
  const refreshSecret = randomBytes(32).toString('base64url');
  const deps: RouteDeps = {
    store,
    config,
    logger,
    cache: new VersionCache(store),
    pending: new PendingUploads(config.uploadsDir),
    throttle: new LoginThrottle(),
    passwordChecks: new PasswordChecks(),
  };

  // Order matters: the request id and its log line around everything; then who is asking, then
  // fill their holes in whatever comes back (errors included), then whether they may, then
  // whether the request really comes from our own page.
  app.use('*', requestId());
  app.use('*', accessLog(logger));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: 'same-origin',
      // The same as frame-ancestors 'none', for browsers that read only the older header.
      xFrameOptions: 'DENY',
      // Only heeded over HTTPS; not for sibling hosts of the intranet domain.
      strictTransportSecurity: 'max-age=15552000',
      // A route may make its own stricter (an evidence download is sandboxed): keep it.
      overwrite: false,
    }),
  );
  app.use('*', checkHost(config));
  app.use('*', bodyLimits(config));
  app.use('*', authenticate(store, { refreshSecret }));
  app.use('*', personalise());
  app.use('*', authorize(config));
  app.use('*', csrfGuard(config));
  app.use('*', guardPending());
  app.use(
    '*',
    versionedPages(store, deps.cache, {
      // A page rendered again in the background after a commit: an internal request, marked by a
      // secret that never leaves this process, read as a viewer (pages are the same for everyone).
      refresh: async (url, headers) => {
        await (
          await app.request(url, { headers: { ...headers, [REFRESH_HEADER]: refreshSecret } })
        ).arrayBuffer();
      },
      isRefresh: (c) => c.req.header(REFRESH_HEADER) === refreshSecret,
    }),
  );
  app.route('/', authRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', healthRoutes(deps));
  const assets = staticRoutes();
  app.route('/static', assets);
  // Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says: the same SVG.
  app.get('/favicon.ico', (c) => assets.request('/favicon.svg', { headers: c.req.raw.headers }));
  app.route('/api', apiRoutes(deps));
  app.route('/', uploadRoutes(deps));
  app.route('/', accountabilityRoutes(deps));
  app.route('/', documentRoutes(deps));
  app.route('/', indicatorRoutes(deps));
  app.route('/', sampleRoutes(deps));
  app.route('/', snapshotPages(deps));
  app.route('/', regionRoutes(deps));
  app.route('/', pageRoutes(deps));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(logger));
  return app;
}

/**
 * The largest body each route takes, checked before it is read: a file's worth for uploads
 * (TAIZHANG_UPLOAD_LIMIT_MB) and for evidence (TAIZHANG_EVIDENCE_LIMIT_MB, with room for the
 * form's other fields), a form's worth elsewhere — so that nobody, signed in or not, can make the
 * server hold a large body for a sign-in form.
 */
function bodyLimits(config: Config) {
  const mb = Math.round(config.uploadLimitBytes / 1024 / 1024);
  const evidenceMb = Math.round(config.evidenceLimitBytes / 1024 / 1024);
  const evidence = bodyLimit({
    maxSize: config.evidenceLimitBytes + 64 * 1024,
    onError: () => {
      throw new HTTPException(413, { message: `佐证材料超过 ${evidenceMb} MB 的上限，请压缩或拆分后上传。` });
    },
  });
  const files = bodyLimit({
    maxSize: config.uploadLimitBytes,
    onError: () => {
      throw new HTTPException(413, { message: `文件超过 ${mb} MB 的上限，请拆分后分批上传。` });
    },
  });
  const forms = bodyLimit({
    maxSize: FORM_LIMIT_BYTES,
    onError: () => {
      throw new HTTPException(413, { message: '提交的内容过大（表单最多 1 MB）。' });
    },
  });
  return (c: Parameters<typeof files>[0], next: Parameters<typeof files>[1]) => {
    // No route reads the body of a GET or HEAD, and asking whether there is one makes
    // @hono/node-server build a full Request (with its AbortSignal) for every page view.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (FILE_ROUTES.test(c.req.path) ? files : EVIDENCE_ROUTES.test(c.req.path) ? evidence : forms)(
      c,
      next,
    );
  };
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
