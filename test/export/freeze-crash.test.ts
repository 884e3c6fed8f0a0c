import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/export/formats.js';
import { frozenFile, listFrozen } from '../../src/export/freeze.js';
import { Store } from '../../src/store/store.js';
import { seededApp } from '../helpers/store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-freeze-crash-'));

/** Freezes snapshots one after another in a child, and kills it with SIGKILL after `delay` ms. */
function freezeAndKill(db: string, delay: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/export/children/freeze.ts', db]);
  let output = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('freezing') && !output.includes('killing')) {
        output += 'killing';
        setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('exit', () => resolve(output));
  });
}

describe('export: kill -9 during a snapshot freeze', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves every frozen snapshot whole: all five files matching the manifest, or no snapshot at all', async () => {
    const ctx = await seededApp();
    await ctx.app.request('/sample', { method: 'POST' });
    await ctx.store.close();
    const seen: string[] = [];
    for (const delay of [30, 150, 400, 900]) {
      const db = path.join(dir, `freeze-${delay}.duckdb`);
      copyFileSync(ctx.file, db);
      const output = await freezeAndKill(db, delay);
      const store = await Store.open(db);
      try {
        const frozen = await listFrozen(store);
        const completed = (output.match(/frozen \d+/g) ?? []).length;
        seen.push(`${delay} ms: ${frozen.length} kept (${completed} reported)`);
        // Every freeze the child finished is there; at most one more (committed just before the kill).
        expect(frozen.length, output).toBeGreaterThanOrEqual(completed);
        expect(frozen.length, output).toBeLessThanOrEqual(completed + 1);
        for (const snapshot of frozen) {
          for (const format of FORMATS) {
            // frozenFile checks the stored bytes against their sha256.
            expect(await frozenFile(store, snapshot.id, format), `${snapshot.id} ${format}`).toBeDefined();
          }
        }
      } finally {
        await store.close();
      }
    }
    console.log(`kill -9 during freezes — ${seen.join('; ')}`);
    rmSync(path.dirname(ctx.file), { recursive: true, force: true });
  }, 180_000);
});
