import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { syntheticDataset } from '../bench/generate.js';
import { codes } from '../helpers/jilin-codes.js';

const ROWS = 200_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-crash-'));
let regionsFile = '';
let file = '';

/** Runs the child, kills it with SIGKILL `delay` ms after it starts committing, resolves with its output. */
function commitAndKill(db: string, delay: number): Promise<string> {
  const child = spawn(process.execPath, [
    '--import',
    'tsx',
    'test/ingest/children/commit-large.ts',
    db,
    file,
    regionsFile,
  ]);
  let output = '';
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('committing')) setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('exit', () => resolve(output));
  });
}

describe('ingest: a crash in the middle of a commit', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves all of the upload or none of it after kill -9, and the database opens again', async () => {
    ({ regionsFile, file } = await syntheticDataset(dir, ROWS, await codes()));

    const outcomes: string[] = [];
    // Kill at several points: while reading, while checking, around the final insert.
    for (const [i, delay] of [50, 400, 900, 1600, 2600].entries()) {
      const db = path.join(dir, `crash-${i}.duckdb`);
      const output = await commitAndKill(db, delay);
      const reopened = await Store.open(db);
      try {
        const counts = await reopened.one<{ actuals: number; uploads: number; committed_uploads: number }>(
          'meta/counts',
        );
        expect(counts, output).toBeDefined();
        expect([0, ROWS], output).toContain(counts?.actuals);
        expect(counts?.committed_uploads).toBe(counts?.actuals === ROWS ? 1 : 0);
        outcomes.push(counts?.actuals === ROWS ? 'all' : 'none');
      } finally {
        await reopened.close();
      }
    }
    // Which side of the commit each kill fell on, for the record.
    console.log(`kill -9 outcomes at 50/400/900/1600/2600 ms: ${outcomes.join(', ')}`);
  }, 180_000);
});
