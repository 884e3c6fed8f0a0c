import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAsOf } from '../../src/analytics/indicators.js';
import { CLI_ACTOR } from '../../src/auth/roles.js';
import { withdrawUpload } from '../../src/ingest/uploads.js';
import { importText, ingestStore } from '../helpers/ingest.js';
import type { TempStore } from '../helpers/store.js';

const FIXTURE = { id: 'fixture-2021', year: 2021 };

describe('store: results kept until the next commit', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await ingestStore();
  });
  afterAll(async () => temp.cleanup());

  it('computes once for readers asking at once, and again after a commit', async () => {
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return computed;
    };
    const first = await Promise.all(Array.from({ length: 20 }, () => temp.store.untilCommit('k', compute)));
    expect(new Set(first)).toEqual(new Set([1]));
    expect(await temp.store.untilCommit('k', compute)).toBe(1);
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-03,100\n');
    expect(await temp.store.untilCommit('k', compute)).toBe(2);
  });

  it('does not keep a computation that failed', async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error('first read failed');
      return 'read';
    };
    await expect(temp.store.untilCommit('flaky', flaky)).rejects.toThrow('first read failed');
    expect(await temp.store.untilCommit('flaky', flaky)).toBe('read');
  });

  it('moves the default month as soon as an upload commits or is withdrawn', async () => {
    const before = await defaultAsOf(temp.store, FIXTURE);
    const report = await importText(
      temp,
      '指标编码,统计期,数值\n2021-T1-1,2021-09,300\n2021-T1-2,2021-09,5\n2021-T2-1,2021-09,5\n',
    );
    expect(report.status).toBe('committed');
    const after = await defaultAsOf(temp.store, FIXTURE);
    expect(after.period).toBe('2021-09-30');
    expect(after.period).not.toBe(before.period);
    await withdrawUpload(temp.store, report.uploadId as number, CLI_ACTOR, '测试撤回');
    expect((await defaultAsOf(temp.store, FIXTURE)).period).toBe(before.period);
  });
});
