import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from '../helpers/store.js';

/** Text that a person, a script or an attacker might put in a parameter. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    "'; DROP TABLE actual; --",
    '2021-13',
    '2021-00',
    '9999-12',
    '1900-01',
    '-1',
    '0',
    '1e309',
    'NaN',
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    '省发改委',
    '全省',
    '严重滞后',
    'csv',
    'parquet',
    '２０２１－１０',
    '\u0000',
    'a'.repeat(2000),
  ),
);

const QUERY = [
  'asof',
  'known',
  'department',
  'part',
  'status',
  'kind',
  'region',
  'format',
  'doc',
  'by',
  'actor',
  'action',
  'from',
  'to',
  'next',
  'pending',
];
const PATHS = [
  '/',
  '/admin/audit',
  '/admin/audit.csv',
  '/admin/users',
  '/login',
  '/departments',
  '/regions',
  '/briefing',
  '/snapshots',
  '/uploads',
  '/api/indicators',
  '/api/snapshot',
  '/api/actuals',
  '/charts/status.svg',
  '/indicators/2021-T10-1',
  '/indicators/2021-T10-1/chart.svg',
  '/departments/省住房城乡建设厅',
  '/duban',
  '/reporting',
  '/api/duban',
  '/api/reporting',
  '/api/indicators/2021-T18-1/evidence',
];

describe('fuzz: every query parameter and form field', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let cases = 0;
  beforeAll(async () => {
    ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
  });
  afterAll(async () => {
    console.log(`route fuzz: ${cases} requests tried`);
    await ctx.cleanup();
  });

  it('answers any query with a page or a clear error, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        fc.dictionary(fc.constantFrom(...QUERY), nasty, { maxKeys: 4 }),
        async (path, params) => {
          cases += 1;
          const url = `${encodeURI(path)}?${new URLSearchParams(params).toString()}`;
          const res = await ctx.app.request(url);
          await res.arrayBuffer();
          expect(res.status, url).toBeLessThan(500);
        },
      ),
      { numRuns: 250, seed: 20211031 },
    );
    expect(ctx.errors).toEqual([]);
  });

  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const below500 = async (responses: Response[]) => {
    for (const res of responses) {
      await res.arrayBuffer();
      expect(res.status).toBeLessThan(500);
    }
  };

  it('answers any path segment and form field with a clear error, never a 500, and writes nothing wrong', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (a, b, c) => {
        cases += 9;
        await below500(
          await Promise.all([
            ctx.app.request(`/indicators/${encodeURIComponent(a)}`),
            ctx.app.request(`/tasks/${encodeURIComponent(a)}`),
            ctx.app.request('/uploads/commit', form({ token: a, return_to: b })),
            ctx.app.request('/snapshots', form({ asof: c })),
            ctx.app.request(`/uploads/${encodeURIComponent(b)}/withdraw`, form({ reason: c })),
            ctx.app.request('/indicators/2021-T10-1/comments', form({ kind: a, body: b })),
            ctx.app.request('/reporting/rules', form({ code: a, department: b, frequency: c, due_day: a })),
            ctx.app.request('/admin/users', form({ username: a, role: b, departments: c, password: a })),
            ctx.app.request(
              '/admin/indicators/2021-T10-2',
              form({ target: a, unit: b, deadline: c, reason: a }),
            ),
          ]),
        );
      }),
      { numRuns: 60, seed: 20211031 },
    );
    expect(ctx.errors).toEqual([]);
  });

  // Each of these costs a full import pipeline or a scrypt hash (about 0.7 s each here): fewer runs.
  it('answers any single value and sign-in with a clear error, never a 500, and saves no hostile value', async () => {
    const before = await ctx.store.one<{ actuals: number }>('meta/counts');
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (a, b, c) => {
        cases += 2;
        await below500(
          await Promise.all([
            ctx.app.request(
              '/indicators/2021-T10-1/values',
              form({ period: a, value: b, region: c, note: a }),
            ),
            ctx.hono.request('/login', {
              ...form({ username: a, password: b, next: c }),
              headers: { Origin: 'http://localhost' },
            }),
          ]),
        );
      }),
      { numRuns: 15, seed: 20211031 },
    );
    expect(ctx.errors).toEqual([]);
    // The form saves a value that passes every check; none of these does.
    expect(await ctx.store.one('meta/counts')).toMatchObject({ actuals: before?.actuals });
  });
});
