import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv } from './helpers/child.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-server-'));
const db = path.join(dir, 'server.duckdb');

/** Starts `npm start`'s entry on a free port and resolves with its URL once it listens. */
function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: childEnv({ PORT: '0', TAIZHANG_DB: db }),
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const port = /localhost:(\d+)/.exec(output)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

describe('server', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts, serves, and stops cleanly on SIGTERM, then starts again on the same database and stops on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { child, url, output } = await start();
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      // A keep-alive connection must not hold the shutdown open.
      await fetch(`${url}/`, { headers: { connection: 'keep-alive' } }).then((r) => r.text());
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      expect(await exit, output()).toBe(0);
      expect(output()).toContain('已停止');
    }
  });
});
