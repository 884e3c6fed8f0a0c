import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText, ingestStore } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';

const VALID =
  '指标编码,统计期,数值,地区,备注\n2021-T1-1,2021-03,1.2万,长春市,一季度\n2021-T2-1,2021年6月,90%,,\n2021-T1-2,202105,500,,\n';

/** Every import answers with a report whose counts add up; a rejected one wrote nothing. */
function checkReport(report: Awaited<ReturnType<typeof importText>>) {
  expect(['preview', 'committed', 'rejected', 'duplicate', 'unchanged']).toContain(report.status);
  for (const p of report.problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
  if (report.status === 'rejected') expect(report.counts.errors).toBeGreaterThan(0);
}

describe('ingest: fuzzing the import with random and mutated files', () => {
  let temp: TempStore;
  let cases = 0;
  beforeAll(async () => {
    temp = await ingestStore();
  });
  afterAll(async () => {
    console.log(`import fuzz: ${cases} files tried`);
    await temp.cleanup();
  });

  it('answers random bytes with a report, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        cases += 1;
        const text = Buffer.from(bytes).toString('latin1');
        checkReport(await importText(temp, text, { dryRun: true }));
      }),
      { numRuns: 60, seed: 20211031 },
    );
  });

  it('answers mutations of a valid file with a report, and commits only clean files', async () => {
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 8 }),
      }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 6 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(',', '"', '\n', '\r\n', '，', '万', '％', '-', '２', '\t', '\u0000', '='),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        cases += 1;
        let text = VALID;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text =
            m.kind === 'delete'
              ? text.slice(0, at) + text.slice(at + m.length)
              : text.slice(0, at) + m.text + text.slice(at);
        }
        const before = await temp.store.one<{ actuals: number }>('meta/counts');
        const report = await importText(temp, text);
        checkReport(report);
        const after = await temp.store.one<{ actuals: number }>('meta/counts');
        if (report.status !== 'committed') expect(after?.actuals).toBe(before?.actuals);
        else expect(after?.actuals).toBe((before?.actuals ?? 0) + report.counts.new + report.counts.revised);
      }),
      { numRuns: 80, seed: 20211031 },
    );
    // Eighty imports, each finding its table first: more than the default 30 s on a busy machine.
  }, 90_000);
});
