import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { projectRoot } from '../config.js';

const require = createRequire(import.meta.url);

/** The app's own assets: no CDN, so the app works on an intranet with no internet. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'app.css': { file: path.join(projectRoot, 'views', 'static', 'app.css'), type: 'text/css; charset=utf-8' },
  'app.js': {
    file: path.join(projectRoot, 'views', 'static', 'app.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'htmx.min.js': {
    file: require.resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};

/** Serves /static/<name> from memory with a strong ETag, so browsers revalidate cheaply. */
export function staticRoutes() {
  const app = new Hono();
  const loaded = Object.entries(ASSETS).map(([name, { file, type }]) => {
    const body = readFileSync(file);
    return {
      name,
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
  });
  for (const asset of loaded) {
    app.get(`/${asset.name}`, (c) => {
      c.header('ETag', asset.etag);
      c.header('Cache-Control', 'public, max-age=300, must-revalidate');
      if (c.req.header('If-None-Match') === asset.etag) return c.body(null, 304);
      c.header('Content-Type', asset.type);
      return c.body(asset.body);
    });
  }
  return app;
}
