/**
 * Entry point: read config, open the store, load the reviewed catalogues, serve, and shut down
 * cleanly on SIGINT/SIGTERM (stop accepting, let running requests finish, close DuckDB once).
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openPrepared } from './cli/open.js';
import { loadConfig } from './config.js';

async function main() {
  const config = loadConfig();
  const store = await openPrepared(config, console.log);

  const app = createApp({ store, config });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    console.log(`台账已启动：http://localhost:${info.port}/ （数据库 ${config.dbPath}）`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止……`);
    // Idle keep-alive sockets would hold close() open; running requests still finish.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    server.close(async () => {
      try {
        await store.close();
      } catch (error) {
        // Data is safe in the WAL even when the final checkpoint cannot be written (a full disk).
        console.error(`关闭数据库时出错：${(error as Error).message}`);
      }
      console.log('已停止。');
      // Let the event loop drain on its own rather than exiting right after closing DuckDB.
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
