import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Named SQL, one statement per file under sql/queries/, loaded once at start.
 * The name is the path without extension: sql/queries/catalog/tasks.sql → 'catalog/tasks'.
 */
export class QueryBook {
  readonly #queries = new Map<string, string>();

  constructor(dir: string) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.sql')) continue;
      const name = file.slice(0, -'.sql'.length).split(path.sep).join('/');
      this.#queries.set(name, readFileSync(path.join(dir, file), 'utf8'));
    }
  }

  get(name: string): string {
    const sql = this.#queries.get(name);
    if (sql === undefined) throw new Error(`no such query: sql/queries/${name}.sql`);
    return sql;
  }
}
