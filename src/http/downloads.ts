import type { Context } from 'hono';

/**
 * An attachment whose Chinese file name survives every browser (RFC 6266: an ASCII fallback in
 * filename, the real name in filename*).
 */
export function attachment(c: Context, type: string, fileName: string, fallback = 'download') {
  const extension = /\.[A-Za-z0-9]+$/.exec(fileName)?.[0] ?? '';
  c.header('Content-Type', type);
  c.header(
    'Content-Disposition',
    `attachment; filename="${fallback}${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
}

/** A CSV download (the text already carries its BOM). */
export function csvResponse(c: Context, csv: string, fileName: string) {
  attachment(c, 'text/csv; charset=utf-8', fileName);
  return c.body(csv);
}

/** A standalone SVG chart to save. */
export function svgResponse(c: Context, svg: string, fileName: string) {
  attachment(c, 'image/svg+xml; charset=utf-8', fileName, fileName.replace(/\.svg$/, ''));
  return c.body(svg);
}

/** Bytes of a file to save. */
export function fileResponse(
  c: Context,
  bytes: Uint8Array,
  type: string,
  fileName: string,
  fallback?: string,
) {
  attachment(c, type, fileName, fallback);
  return c.body(bytes as unknown as ArrayBuffer);
}

/**
 * An evidence file someone uploaded: always a download (never shown in the browser, where a
 * crafted file could act as a page of this site), its type the one its content was checked to be,
 * and the browser told not to guess another.
 */
export function evidenceResponse(c: Context, bytes: Uint8Array, type: string, fileName: string) {
  attachment(c, type, fileName, 'evidence');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  return c.body(bytes as unknown as ArrayBuffer);
}
