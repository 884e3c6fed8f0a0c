import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { projectRoot } from '../config.js';

const require = createRequire(import.meta.url);

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The app's own assets: every file of views/static, and htmx from node_modules. No CDN, so the app
 * works on an intranet with no internet.
 */
function assets(): Record<string, { file: string; type: string }> {
  const dir = path.join(projectRoot, 'views', 'static');
  const found: Record<string, { file: string; type: string }> = {};
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type) found[name] = { file: path.join(dir, name), type };
  }
  found['htmx.min.js'] = { file: require.resolve('htmx.org/dist/htmx.min.js'), type: TYPES['.js'] as string };
  return found;
}

/** Serves /static/<name> from memory with a strong ETag, so browsers revalidate cheaply. */
export function staticRoutes() {
  const app = new Hono();
  const loaded = Object.entries(assets()).map(([name, { file, type }]) => {
    const body = readFileSync(file);
    return {
      name,
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
  });
  const byName = new Map(loaded.map((asset) => [asset.name, asset]));
  app.get('/:name', (c) => {
    const asset = byName.get(c.req.param('name'));
    if (!asset) return c.notFound();
    c.header('ETag', asset.etag);
    c.header('Cache-Control', 'public, max-age=300, must-revalidate');
    if (c.req.header('If-None-Match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    return c.body(asset.body);
  });
  return app;
}
