import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../../src/config.js';
import { Store } from '../../src/store/store.js';
import { signIn } from '../helpers/accounts.js';

export interface LoadResult {
  requests: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** 50 connections for a bounded time against one URL on loopback, as a signed-in reader. */
export async function load(url: string, seconds: number, cookie?: string): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    ...(cookie ? { headers: { cookie } } : {}),
  } as never);
  return {
    requests: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Starts `npm start`'s entry on a free loopback port against a database file, with a viewer's
 * session made beforehand (readers are signed in, as leaders are), whose cookie it returns.
 */
export async function startServer(
  db: string,
  regions?: string,
): Promise<{ url: string; child: ChildProcess; cookie: string }> {
  const store = await Store.open(db);
  const { cookie } = await signIn(store, 'bench-viewer', 'viewer').finally(() => store.close());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', TAIZHANG_DB: db, ...(regions ? { TAIZHANG_REGIONS: regions } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      const port = /localhost:(\d+)/.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child, cookie });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Each page against a static file of the same bytes served by the same server, side by side:
 * `name: page N req/s p99 P ms, static S req/s …, ratio N/S`. The server reads its static files at
 * start, so a first run fetches the pages and a second one serves them as files too. The same
 * bytes, not merely the same size: autocannon decodes every body as UTF-8, which costs it three
 * times as much for a page of Chinese text as for ASCII filler (8.7 s against 3.2 s of its CPU for
 * 5,000 responses of 218 KB), and that, not the server, was what the ratio measured.
 */
export async function benchPages(
  db: string,
  pages: { name: string; path: string }[],
  seconds: number,
  regions?: string,
): Promise<string[]> {
  const sizing = await startServer(db, regions);
  const bodies = new Map<string, Buffer>();
  try {
    for (const page of pages) {
      const res = await fetch(`${sizing.url}${page.path}`, { headers: { cookie: sizing.cookie } });
      if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
      bodies.set(page.name, Buffer.from(await res.arrayBuffer()));
    }
  } finally {
    await stop(sizing.child);
  }
  const files = pages.map((page) => path.join(projectRoot, 'views', 'static', `bench-${page.name}.html`));
  pages.forEach((page, i) => {
    writeFileSync(files[i] as string, bodies.get(page.name) ?? '');
  });
  const server = await startServer(db, regions);
  try {
    const lines: string[] = [];
    for (const page of pages) {
      await fetch(`${server.url}${page.path}`, { headers: { cookie: server.cookie } }).then((r) => r.text());
      const measured = await load(`${server.url}${page.path}`, seconds, server.cookie);
      const file = await load(`${server.url}/static/bench-${page.name}.html`, seconds);
      const errors = measured.errors + measured.non2xx + file.errors + file.non2xx;
      lines.push(
        `${page.name}: page ${Math.round(measured.requests)} req/s p99 ${measured.p99} ms, static ${Math.round(file.requests)} req/s p99 ${file.p99} ms, ${bodies.get(page.name)?.length} bytes, errors ${errors}, ratio ${(measured.requests / file.requests).toFixed(2)}`,
      );
    }
    return lines;
  } finally {
    await stop(server.child);
    for (const file of files) rmSync(file, { force: true });
  }
}
