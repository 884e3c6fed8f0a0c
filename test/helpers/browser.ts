import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Session, sessionHeaders } from './accounts.js';
import { seededApp } from './store.js';

/** Screenshots and other test output, git-ignored. */
export const OUTPUT_DIR = path.resolve('test', 'output');

/**
 * Debian's Chromium driven by playwright-core (no browser download), in a fresh temporary profile
 * that playwright makes and removes. The flags keep it from reaching for Google's services, which
 * this closed network refuses.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * Runs `action` (a select changed, a link followed back) and resolves once the htmx swap it caused
 * has settled: `htmx:afterSettle` for a request's swap, `htmx:historyRestore` for the back button.
 * The listener is in place before the action, so an answer faster than the test is not missed, and
 * a slow one (a cold overview on a busy machine) is waited for as long as the test may take.
 */
export async function htmxSettled(
  page: Page,
  action: () => Promise<unknown>,
  event: 'htmx:afterSettle' | 'htmx:historyRestore' = 'htmx:afterSettle',
): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { tzSettled?: Promise<void> };
    w.tzSettled = new Promise((resolve) => document.addEventListener(name, () => resolve(), { once: true }));
  }, event);
  await action();
  await page.evaluate(() => (window as unknown as { tzSettled?: Promise<void> }).tzSettled);
}

/** The real app on a seeded temp database, listening on a free loopback port. */
export async function servedApp(env: Record<string, string> = {}) {
  const ctx = await seededApp(env);
  const server = serve({ fetch: ctx.hono.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  return {
    ...ctx,
    url,
    /** Headers for fetch() as the signed-in administrator's page. */
    adminHeaders: sessionHeaders(ctx.admin, url),
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await ctx.cleanup();
    },
  };
}

/**
 * The served app and a browser for one describe block: started before its tests, stopped after.
 * `prepare` runs against the server before the browser starts (to load data, say); `env` configures
 * the app (TAIZHANG_UPLOAD_LIMIT_MB, say).
 */
export function browserSuite(
  prepare?: (server: Awaited<ReturnType<typeof servedApp>>) => Promise<void>,
  { env = {} }: { env?: Record<string, string> } = {},
) {
  const suite = {} as {
    server: Awaited<ReturnType<typeof servedApp>>;
    browser: Browser;
    /** A page in a fresh context signed in as the administrator (or the session given). */
    newPage: (options?: BrowserContextOptions, session?: Session) => Promise<Page>;
    /** A fresh context, signed in as no one. */
    newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
  };
  suite.newContext = async (options = {}) => {
    const context = await suite.browser.newContext(options);
    // Playwright's 30 s for a navigation or a wait is short on a busy machine; 120 s is still
    // inside the slow project's 300 s per test, so a wait that never ends is named as such.
    context.setDefaultTimeout(120_000);
    return context;
  };
  suite.newPage = async (options = {}, session = suite.server.admin) => {
    const context = await suite.newContext(options);
    await context.addCookies([{ name: 'tz_session', value: session.id, url: suite.server.url }]);
    return context.newPage();
  };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    suite.server = await servedApp(env);
    await prepare?.(suite.server);
    const launched = await launchBrowser();
    suite.browser = launched.browser;
    close = launched.close;
  });
  afterAll(async () => {
    await close?.();
    await suite.server?.stop();
  });
  return suite;
}
