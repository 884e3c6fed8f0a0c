import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-harden-server-'));

/** `npm start`'s entry with its own database and environment; resolves with its exit and what it said. */
function run(env: Record<string, string>): {
  child: ChildProcess;
  exit: Promise<{ code: number | null; output: string }>;
  port: Promise<number>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', TZ: 'Asia/Shanghai', PORT: '0', ...env },
  });
  let output = '';
  let found: (port: number) => void = () => {};
  const port = new Promise<number>((resolve) => {
    found = resolve;
  });
  const read = (chunk: Buffer) => {
    output += chunk;
    const m = /localhost:(\d+)/.exec(output);
    if (m) found(Number(m[1]));
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exit = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
  return { child, exit, port };
}

describe('hardening: the server starts, refuses and stops as it should', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says the disk is full and exits non-zero instead of starting', async () => {
    const { exit } = run({ TAIZHANG_DB: path.join(dir, 'full.duckdb'), TAIZHANG_MIN_FREE_MB: '100000000' });
    const { code, output } = await exit;
    expect(code).not.toBe(0);
    expect(output).toContain('磁盘空间不足，台账未启动');
    expect(output).not.toMatch(/at \w+ \(|FatalException/);
  }, 60_000);

  it('ends a request that never finishes at the shutdown deadline and exits', async () => {
    const server = run({ TAIZHANG_DB: path.join(dir, 'stop.duckdb'), TAIZHANG_SHUTDOWN_SECONDS: '2' });
    const port = await server.port;
    // A sign-in whose body never arrives: its handler waits on it.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      'POST /login HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a',
    );
    // Answered after the stalled request's head was read (it came first on a quiet loop): that one is in flight.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const asked = Date.now();
    server.child.kill('SIGTERM');
    const { code, output } = await server.exit;
    socket.destroy();
    expect(Date.now() - asked).toBeLessThan(15_000);
    expect(code).toBe(1);
    expect(output).toContain('秒内没有完成，强制停止');
  }, 60_000);
});
