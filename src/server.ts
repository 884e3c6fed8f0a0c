/**
 * Entry point: read config, open the store, load the reviewed catalogues, serve, and shut down
 * cleanly on SIGINT/SIGTERM (stop accepting, let running requests finish, close DuckDB once).
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ensureFirstAdmin } from './auth/users.js';
import { openPrepared } from './cli/open.js';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';
import { removeStaleTemp } from './tempfiles.js';

const logger = createLogger();

async function main() {
  const config = loadConfig();
  const stale = removeStaleTemp();
  if (stale > 0) logger.info(`已清理 ${stale} 个已停止进程留下的临时文件夹。`);
  const store = await openPrepared(config, (line) => logger.info(line));
  const admin = await ensureFirstAdmin(store, config.adminPassword);
  if (admin?.password) {
    // A one-time console message for the person starting the server, never part of the JSON log.
    process.stdout.write(
      `\n已创建管理员账号 ${admin.username}，初始密码（只显示这一次）：${admin.password}\n` +
        '请登录后在“我的账号”中修改密码，或设置 TAIZHANG_ADMIN_PASSWORD 后首次启动。\n\n',
    );
  } else if (admin) {
    logger.info(`已创建管理员账号 ${admin.username}，密码为 TAIZHANG_ADMIN_PASSWORD 的值。`);
  }

  const app = createApp({ store, config, logger });
  // Requests still being answered: a client that hung up does not stop its handler, and the
  // database must stay open until every handler is done.
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const fetch: typeof app.fetch = async (request, ...rest) => {
    inFlight += 1;
    try {
      return await app.fetch(request, ...rest);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  };
  const server = serve({ fetch, port: config.port }, (info) => {
    logger.info({ port: info.port, db: config.dbPath }, `台账已启动：http://localhost:${info.port}/`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`收到 ${signal}，正在停止……`);
    // No new connections; idle keep-alive sockets closed; running requests get until the deadline.
    server.close();
    const http = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
    http.closeIdleConnections?.();
    const finished = await within(config.shutdownMs, () => inFlight === 0);
    if (!finished) {
      logger.warn(`${inFlight} 个请求在 ${config.shutdownMs / 1000} 秒内没有完成，强制停止。`);
      http.closeAllConnections?.();
    }
    // A write that never ends (none should) must not keep the process: committed data is in the WAL.
    const closed = await Promise.race([
      store.close().then(
        () => true,
        (error: unknown) => {
          // Data is safe in the WAL even when the final checkpoint cannot be written (a full disk).
          logger.error(`关闭数据库时出错：${(error as Error).message}`);
          return true;
        },
      ),
      new Promise<false>((resolve) => setTimeout(resolve, 10_000, false).unref()),
    ]);
    logger.info(finished && closed ? '已停止。' : '已停止（有未完成的工作被中断）。');
    if (finished && closed) {
      // Let the event loop drain on its own rather than exiting right after closing DuckDB.
      process.exitCode = 0;
    } else {
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Waits until `done()` holds, checking every 50 ms, for at most `ms`; whether it came true. */
async function within(ms: number, done: () => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  // pino writes synchronously to stdout; the process may exit now.
  process.exit(1);
});
