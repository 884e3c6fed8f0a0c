/**
 * Who may use each route, in one place. A request is allowed when the actor's level reaches the
 * route's: public < read < account < report < admin. A test walks the app's whole route table and
 * fails if a route is missing here or declared here but gone from the app.
 *
 * - public: anyone, signed in or not (sign-in page, health check, static files)
 * - read: viewers and up; with TAIZHANG_PUBLIC_READ=1 also anyone
 * - account: any signed-in account: about itself (password, sign out), and comments on an
 *   indicator, whose kind (批示 or 说明) the use case checks against the role
 * - report: reporters (within their departments, checked row by row) and administrators
 * - admin: administrators
 */
import type { Role } from './roles.js';

export type Access = 'public' | 'read' | 'account' | 'report' | 'admin';

export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /login': 'public',
  'POST /login': 'public',
  'GET /healthz': 'public',
  'GET /static/:name': 'public',
  'GET /favicon.ico': 'public',
  // What the API takes and answers, for anyone writing a script against it (no data in it).
  'GET /api/openapi.json': 'public',

  'GET /': 'read',
  'GET /charts/:name{(status|departments)\\.svg}': 'read',
  'GET /tasks/:seq': 'read',
  'GET /departments': 'read',
  'GET /editions': 'read',
  'GET /departments/:name': 'read',
  'GET /regions': 'read',
  'GET /indicators/:code': 'read',
  'GET /indicators/:code/chart.svg': 'read',
  'GET /uploads': 'read',
  'GET /uploads/:id': 'read',
  'GET /uploads/progress/:key': 'read',
  'GET /uploads/:id/problems.csv': 'read',
  'GET /templates/:name{(actuals(-wide)?|targets)\\.csv}': 'read',
  'GET /snapshots': 'read',
  'GET /snapshots/:id{[0-9]+}': 'read',
  'GET /snapshots/:id{[0-9]+}/:format': 'read',
  'GET /briefing': 'read',
  'GET /api/indicators': 'read',
  'GET /api/indicators/:code/actuals': 'read',
  'GET /api/snapshot': 'read',
  'GET /api/actuals': 'read',
  'GET /duban': 'read',
  'GET /reporting': 'read',
  'GET /evidence/:id{[0-9]+}': 'read',
  'GET /api/duban': 'read',
  'GET /api/reporting': 'read',
  'GET /api/indicators/:code/evidence': 'read',

  'GET /account': 'account',
  'POST /account/password': 'account',
  'POST /account/logout-all': 'account',
  'POST /logout': 'account',
  'POST /indicators/:code/comments': 'account',

  'POST /uploads': 'report',
  'POST /uploads/commit': 'report',
  'POST /uploads/cancel': 'report',
  'POST /indicators/:code/values': 'report',
  'POST /api/uploads': 'report',
  'POST /indicators/:code/evidence': 'report',
  'POST /api/indicators/:code/evidence': 'report',

  'POST /uploads/:id/withdraw': 'report',
  'POST /uploads/:id/approve': 'admin',
  'POST /uploads/:id/reject': 'admin',
  'POST /api/uploads/:id/approve': 'admin',
  'POST /api/uploads/:id/reject': 'admin',
  'POST /reporting/rules': 'admin',
  'POST /snapshots': 'admin',
  'POST /sample': 'admin',
  'POST /sample/remove': 'admin',
  'GET /admin/users': 'admin',
  'POST /admin/users': 'admin',
  'POST /admin/users/:id{[0-9]+}': 'admin',
  'POST /admin/users/:id{[0-9]+}/password': 'admin',
  'POST /admin/users/:id{[0-9]+}/disable': 'admin',
  'POST /admin/users/:id{[0-9]+}/enable': 'admin',
  'POST /admin/users/:id{[0-9]+}/tokens': 'admin',
  'POST /admin/tokens/:id{[0-9]+}/revoke': 'admin',
  'POST /admin/indicators/:code': 'admin',
  'POST /api/indicators/:code/revisions': 'admin',
  'GET /documents': 'admin',
  'POST /documents': 'admin',
  'GET /documents/:id': 'admin',
  'GET /documents/:id/catalog.json': 'admin',
  'POST /documents/:id/tasks/:seq': 'admin',
  'POST /documents/:id/tasks/:seq/indicators': 'admin',
  'POST /documents/:id/indicators/:code': 'admin',
  'POST /documents/:id/indicators/:code/remove': 'admin',
  'POST /documents/:id/editions/:code': 'admin',
  'POST /documents/:id/publish': 'admin',
  'POST /api/documents': 'admin',
  'GET /api/documents/:id': 'admin',
  'PUT /api/documents/:id': 'admin',
  'POST /api/documents/:id/publish': 'admin',
  'GET /admin/audit': 'admin',
  'GET /admin/audit.csv': 'admin',
};

const LEVEL: Record<Access, number> = { public: 0, read: 1, account: 2, report: 3, admin: 4 };
const ROLE_LEVEL: Record<Role, number> = {
  viewer: LEVEL.account,
  reporter: LEVEL.report,
  admin: LEVEL.admin,
};

/** Whether a signed-in role (or, with null, an anonymous visitor) may use a route of `access`. */
export function allows(access: Access, role: Role | null, publicRead: boolean): boolean {
  if (role === null) return access === 'public' || (access === 'read' && publicRead);
  return ROLE_LEVEL[role] >= LEVEL[access];
}

/** Who may see figures that count uploads still waiting for approval (含待审核数据). */
export function mayViewPending(role: Role | null): boolean {
  return role === 'admin' || role === 'reporter';
}

/** What to say when a signed-in account lacks the role. */
export const FORBIDDEN_MESSAGE: Record<Access, string> = {
  public: '',
  read: '',
  account: '',
  report: '只有填报员和管理员可以填报数据；您的账号是查看者。',
  admin: '此操作只有管理员可以进行。',
};
