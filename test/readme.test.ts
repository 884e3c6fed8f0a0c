import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp } from './helpers/store.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp();
  });
  afterAll(async () => ctx.cleanup());

  it('lists every route of the app', () => {
    const paths = new Set(
      ctx.hono.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => r.path.replace(/\{[^}]*\}/g, '').replace(/\/:name$/, '/:name')),
    );
    const missing = [...paths].filter((p) => {
      if (p.startsWith('/templates/')) return !readme.includes('/templates/actuals.csv');
      return (
        !readme.includes(`\`${p}\``) &&
        !readme.includes(` ${p}\``) &&
        !readme.includes(`${p}\`,`) &&
        !readme.includes(` ${p},`)
      );
    });
    expect(missing).toEqual([]);
  });

  it('lists every npm script and every environment variable', () => {
    const scripts = Object.keys(
      JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>,
    );
    const missingScripts = scripts.filter(
      (name) =>
        !readme.includes(`npm run ${name}`) &&
        !readme.includes(`npm ${name}`) &&
        !readme.includes(`npm run -s ${name}`),
    );
    expect(missingScripts).toEqual([]);
    const variables = [...readFileSync('src/config.ts', 'utf8').matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(3);
    expect(variables.filter((v) => !readme.includes(`\`${v}\``))).toEqual([]);
  });
});
