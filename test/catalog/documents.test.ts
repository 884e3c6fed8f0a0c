import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { readCatalog } from '../../src/catalog/parse.js';
import { expectCatalog, FIXTURES } from './expected.js';

describe('catalog/readCatalog on documents of other layouts', () => {
  for (const expected of FIXTURES) {
    it(`reads ${expected.file}: ${expected.about}`, () => {
      const text = readFileSync(
        path.join(import.meta.dirname, 'fixtures', 'documents', expected.file),
        'utf8',
      );
      const parsed = readCatalog(text, { id: expected.file.replace(/\.txt$/, '') });
      expectCatalog(parsed, expected);
    });
  }
});
