import path from 'node:path';

/**
 * A document id from its file name: lower-case letters, digits and hyphens, or `document`.
 *
 * @example
 * documentIdFrom('seeds/Jilin-2022 key tasks.txt') // 'jilin-2022-key-tasks'
 */
export function documentIdFrom(file: string): string {
  const id = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'document' : id;
}
