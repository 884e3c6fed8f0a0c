import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type Parsed, readCatalog } from '../../src/catalog/parse.js';
import { loadConfig } from '../../src/config.js';
import { FIXTURES } from './expected.js';

// Chromium printing, child processes and hundreds of generated cases: more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const documents = path.join(import.meta.dirname, 'fixtures', 'documents');
const texts = [
  ...FIXTURES.map((f) => ({ file: f.file, text: readFileSync(path.join(documents, f.file), 'utf8') })),
  {
    file: 'jilin-2021',
    text: readFileSync(
      path.join(loadConfig({}).seedsDir, 'jilin-2021-new-urbanization-key-tasks.txt'),
      'utf8',
    ),
  },
];

/** What the catalogue means, without the wording it quotes (texts, names and sources keep the document's punctuation). */
function meaning({ catalog, doubts }: Parsed) {
  return {
    year: catalog.document.year,
    parts: catalog.parts.map((p) => p.no),
    sections: catalog.sections.map((s) => [s.no, s.part]),
    tasks: catalog.tasks.map((t) => ({
      seq: t.seq,
      at: [t.part, t.section],
      departments: t.departments,
      mode: t.departmentMode,
      lead: t.lead,
      indicators: t.indicators.map((i) => [
        i.code,
        i.value,
        i.unit,
        i.comparator,
        i.deadline,
        i.kind,
        i.recurrence,
      ]),
    })),
    goals: (catalog.goals ?? []).map((g) => [
      g.no,
      g.indicators.map((i) => [i.code, i.value, i.unit, i.deadline]),
    ]),
    doubts: doubts.map((d) => [d.kind, d.seq]),
  };
}

const parse = (text: string) => readCatalog(text, { id: 'document' });
const lines = (text: string) => text.split('\n');
const pick = <T>(items: T[], i: number): T => items[i % items.length] as T;

describe('catalog/readCatalog properties', () => {
  it('reads the same catalogue whatever the whitespace: spaces around lines, blank lines, CRLF', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.constantFrom('', ' ', '\u3000', '  ', '\t', '\u00a0'), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (which, pads, blanks, crlf) => {
          const { text } = pick(texts, which);
          const changed = lines(text)
            .map((line, i) => `${pick(pads, i)}${line}${pick(pads, i + 3)}${pick(blanks, i) ? '\n' : ''}`)
            .join(crlf ? '\r\n' : '\n');
          expect(meaning(parse(changed))).toEqual(meaning(parse(text)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the same catalogue whether punctuation and digits are full- or half-width', () => {
    const swaps: [RegExp, string][] = [
      [/（/g, '('],
      [/）/g, ')'],
      [/：/g, ':'],
      [/；/g, ';'],
      [/，/g, ','],
      [/\d/g, '０'],
    ];
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.boolean(), { minLength: swaps.length, maxLength: swaps.length }),
        (which, use) => {
          const { text } = pick(texts, which);
          let changed = text;
          swaps.forEach(([from, to], i) => {
            if (!use[i]) return;
            changed =
              to === '０'
                ? changed.replace(from, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
                : changed.replace(from, to);
          });
          expect(meaning(parse(changed))).toEqual(meaning(parse(text)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the same catalogue when long lines are wrapped anywhere, as a hard-wrapped text or a PDF would', () => {
    // Not the text flattened onto one line: wrapping it would cut through its headings.
    const wrappable = texts.filter((t) => lines(t.text).filter((l) => l.trim() !== '').length > 1);
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (which, cuts) => {
        const { text } = pick(wrappable, which);
        const changed = lines(text)
          .map((line, i) => {
            const trimmed = line.trim();
            if (trimmed.length <= 40) return line;
            const at = 24 + (pick(cuts, i) % (trimmed.length - 25));
            return `${trimmed.slice(0, at)}\n${trimmed.slice(at)}`;
          })
          .join('\n');
        expect(meaning(parse(changed))).toEqual(meaning(parse(text)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every code when a document is parsed again, alone or with its reviewed catalogue', () => {
    for (const { file, text } of texts) {
      const first = parse(text);
      expect(parse(text), file).toEqual(first);
      const again = readCatalog(text, { id: 'document', previous: first.catalog });
      expect(meaning(again), file).toEqual(meaning(first));
      expect(
        again.doubts.filter((d) => d.kind === 'previous'),
        file,
      ).toEqual([]);
    }
  });
});
