import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { docQuery } from '../../views/links.js';
import { type AsOf, resolveAsOf } from '../analytics/indicators.js';
import type { OverviewFilter } from '../analytics/overview.js';
import { STATUSES, type Status } from '../analytics/thresholds.js';
import { reportingScope } from '../auth/roles.js';
import {
  type DocumentRow,
  type DocumentTree,
  listDocuments,
  readDocumentTree,
  resolveDepartment,
} from '../catalog/read.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import type { Store } from '../store/store.js';
import { describeIssues, month, optional, text } from './validate.js';

/** Several statuses as ?status=滞后&status=严重滞后 or ?status=滞后,严重滞后. */
const statusList = z.preprocess(
  (value) =>
    value === undefined || value === ''
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap((s) => String(s).split(/[,，、]/))
          .map((s) => s.trim())
          .filter((s) => s !== ''),
  z.array(z.enum(STATUSES, { error: `应为 ${STATUSES.join('、')} 之一` })).optional(),
);

/**
 * The query most pages share: which document (doc, the latest by default), as of which month and
 * recording time (asof, known), and which indicators (department, part, status, kind, region).
 */
export const viewQuery = z.object({
  doc: text(80),
  asof: optional(month),
  known: text(40),
  department: text(60),
  part: optional(
    z
      .string()
      .regex(/^\d{1,2}$/, '应为部分的序号，如 1')
      .transform(Number),
  ),
  status: statusList,
  kind: optional(z.enum(['numeric', 'milestone'], { error: '应为 numeric 或 milestone' })),
  region: text(50),
  // 含待审核数据: also count uploads waiting for approval (only for those who report or review).
  pending: optional(z.enum(['1', '0'], { error: '应为 1 或 0' })),
});

export type ViewQuery = z.infer<typeof viewQuery>;

/** What a page is about, resolved once per request from the shared query. */
export interface ViewContext {
  document: DocumentRow;
  documents: DocumentRow[];
  tree: DocumentTree;
  /** "?doc=<id>" to carry on links when the page is not about the latest document. */
  docQuery: string;
  asOf: AsOf;
  /** The recording time exactly as asked (known=…), or null for "now". */
  known: string | null;
  filter: OverviewFilter & { department?: string | undefined };
  region: string;
}

/**
 * Resolves the shared query against the catalogue: the document (404 when ?doc names none), the
 * as-of month (the default when none is asked), the department's canonical name, the part's range.
 */
export async function resolveView(
  store: Store,
  query: ViewQuery,
  pendingScope: string[] | null = null,
): Promise<ViewContext | null> {
  const base = await resolveDocument(store, query);
  if (!base) return null;
  return {
    ...base,
    asOf: await resolveAsOf(
      store,
      base.document,
      query.asof,
      query.known,
      query.pending === '1',
      pendingScope,
    ),
    known: query.known ?? null,
  };
}

/** What a page about a document needs without a month: the document, its tree and the filters. */
export type DocumentView = Omit<ViewContext, 'asOf' | 'known'>;

/** resolveView without the as-of month (whose default costs a query over every value). */
export async function resolveDocument(store: Store, query: ViewQuery): Promise<DocumentView | null> {
  const documents = await listDocuments(store);
  const document = query.doc ? documents.find((d) => d.id === query.doc) : documents[0];
  if (query.doc && !document) throw new NotFoundError(`没有编号为“${query.doc}”的重点任务文件`);
  if (!document) return null;
  const tree = await readDocumentTree(store, document);
  if (query.part !== undefined && (query.part < 1 || query.part > tree.parts.length)) {
    throw new BadRequestError(`部分“${query.part}”无效，应为 1 到 ${tree.parts.length} 之间的数字`);
  }
  return {
    document,
    documents,
    tree,
    docQuery: docQuery(document.id, documents[0]?.id),
    filter: {
      department: query.department ? await resolveDepartment(store, query.department) : undefined,
      part: query.part,
      statuses: query.status as Status[] | undefined,
      kind: query.kind,
    },
    region: query.region ?? '全省',
  };
}

/**
 * Middleware: checks the shared query (and a route's own fields, with `schema` extending
 * viewQuery) and sets `c.var.view`: the document, tree and filters, and — unless `month: false`,
 * for pages that show no figures — the as-of month. The route reads its own fields with `queryOf(c)`.
 */
export function withView(
  store: Store,
  { month: withMonth = true, schema = viewQuery }: { month?: boolean; schema?: z.ZodType<ViewQuery> } = {},
): MiddlewareHandler {
  return async (c, next) => {
    const input = Object.fromEntries(
      Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]),
    );
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw new BadRequestError(describeIssues(parsed.error, input));
    c.set(
      'view',
      withMonth
        ? await resolveView(store, parsed.data, pendingScopeOf(c))
        : await resolveDocument(store, parsed.data),
    );
    c.set('viewQuery', parsed.data);
    await next();
  };
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The page's document and filters (and month, unless withView was told otherwise); null before any document is loaded. */
    view: DocumentView | ViewContext | null;
    viewQuery: ViewQuery;
  }
}

/** The route's own query fields, as its schema (extending viewQuery) read them. */
export const queryOf = <T extends ViewQuery>(c: Context) => c.get('viewQuery') as T;

/**
 * Whose waiting values the 含待审核数据 view of this request counts: a reporter's own departments'
 * (they and the administrators see values waiting for approval; other departments' stay unseen);
 * null for every department.
 */
export function pendingScopeOf(c: Context): string[] | null {
  const actor = c.get('actor');
  return actor ? reportingScope(actor) : null;
}

/** The document of a page that needs one: 404 with what to do when none is loaded yet. */
export function requireDocument(c: Context): DocumentView {
  const view = c.get('view');
  if (!view) throw new NotFoundError(NO_DOCUMENT);
  return view;
}

/** The view of a page that shows figures (withView with its month). */
export function requireView(c: Context): ViewContext {
  const view = requireDocument(c);
  if (!('asOf' in view)) throw new Error('withView was set up without the month this route needs');
  return view as ViewContext;
}

/** resolveView for a route that needs a document: 404 with what to do when none is loaded yet. */
export async function requireResolvedView(
  store: Store,
  query: ViewQuery,
  pendingScope: string[] | null = null,
): Promise<ViewContext> {
  const view = await resolveView(store, query, pendingScope);
  if (!view) throw new NotFoundError(NO_DOCUMENT);
  return view;
}

const NO_DOCUMENT = '尚未载入重点任务文件。请管理员先载入文件，再查看此页。';
