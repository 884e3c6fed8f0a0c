import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/export/formats.js';
import { frozenFile, listFrozen } from '../../src/export/freeze.js';
import { Store } from '../../src/store/store.js';
import { killAt } from '../helpers/kill-points.js';
import { seededApp } from '../helpers/store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-freeze-crash-'));

/**
 * Where the child dies while it freezes a second snapshot: `kill` is the point at whose announcement the
 * parent kills, `pause` where the child halts to wait for it (see test/helpers/kill-points.ts).
 */
const KILLS = [
  { kill: 'snapshots/insert', pause: 'snapshots/insert', what: 'manifest written, no file yet' },
  { kill: 'snapshots/insert_file#4', pause: 'committed', what: 'while writing the fifth file' },
  { kill: 'commit', pause: 'commit', what: 'everything written, COMMIT not sent' },
  { kill: 'commit', pause: 'committed', what: 'during COMMIT' },
  { kill: 'committed', pause: 'committed', what: 'COMMIT returned' },
];

describe('export: kill -9 during a snapshot freeze', () => {
  let base = '';
  beforeAll(async () => {
    const ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
    // One snapshot frozen before: whatever the kill, it stays whole.
    const frozen = await ctx.app.request('/snapshots', {
      method: 'POST',
      body: new URLSearchParams({ asof: '2021-09' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(frozen.status).toBe(303);
    await ctx.store.close();
    base = path.join(dir, 'base.duckdb');
    copyFileSync(ctx.file, base);
    await ctx.cleanup();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves every frozen snapshot whole: all five files matching the manifest, or no snapshot at all', async () => {
    const seen: string[] = [];
    for (const [i, { kill, pause, what }] of KILLS.entries()) {
      const db = path.join(dir, `freeze-${i}.duckdb`);
      copyFileSync(base, db);
      const { output, points } = await killAt('test/export/children/freeze.ts', [db], { kill, pause });
      const why = `${what} (killed at ${kill}, child reached ${points.join(' → ')})\n${output}`;
      // Halted where it was told to: killed provably at that point.
      if (pause === kill) expect(points.at(-1), why).toBe(kill);
      const store = await Store.open(db);
      try {
        const frozen = await listFrozen(store);
        // Before COMMIT was sent the second snapshot may not exist; once it has returned it must.
        if (points.includes('committed')) expect(frozen.length, why).toBe(2);
        else if (!points.includes('commit')) expect(frozen.length, why).toBe(1);
        else expect([1, 2], why).toContain(frozen.length);
        for (const snapshot of frozen) {
          for (const format of FORMATS) {
            // frozenFile checks the stored bytes against their sha256.
            expect(await frozenFile(store, snapshot.id, format), `${snapshot.id} ${format}`).toBeDefined();
          }
        }
        seen.push(`${what}: ${frozen.length} kept`);
      } finally {
        await store.close();
      }
    }
    console.log(`kill -9 during a freeze — ${seen.join('; ')}`);
  });
});
