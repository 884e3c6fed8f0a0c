import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forecastSentence, indicatorStates, monthEnd } from '../../src/analytics/indicators.js';
import { CLI_ACTOR } from '../../src/auth/roles.js';
import { withdrawUpload } from '../../src/ingest/uploads.js';
import { importText, ingestStore } from '../helpers/ingest.js';
import { justBefore, LATER, uploadedAt } from '../helpers/known.js';
import type { TempStore } from '../helpers/store.js';

// Fixture targets: T1-1 3.6万人 ≥ by year end; T1-2 1000套 by 31 October; T2-1 a 90% level; T3-1 a milestone.
describe('analytics/indicatorStates', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await ingestStore();
  });
  afterEach(async () => temp.cleanup());

  const states = async (month: string, known = LATER) => {
    const rows = await indicatorStates(temp.store, 'fixture-2021', { period: monthEnd(month), known });
    return Object.fromEntries(rows.map((r) => [r.code, r]));
  };

  it('computes completion against the target and straight-line pace to the deadline', async () => {
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-06,2.9万\n2021-T1-2,2021-06,300\n');
    const s = await states('2021-06');
    // 29000 / 36000 = 0.8056; pace at June for a year-end deadline: 6/12.
    expect(s['2021-T1-1']).toMatchObject({
      actual: 29000,
      last_period: '2021-06-30',
      pace: 0.5,
      status: '正常',
    });
    expect(s['2021-T1-1']?.completion).toBeCloseTo(0.8056, 4);
    // 300 / 1000 = 0.3 against a 10月底 deadline: pace 6/10 = 0.6, more than 0.2 under → 严重滞后.
    expect(s['2021-T1-2']).toMatchObject({ completion: 0.3, pace: 0.6, status: '严重滞后' });
  });

  it('draws the status boundaries at the configured thresholds', async () => {
    // Pace at June is 0.6 for T1-2 (deadline October): 0.56 is within 0.05 → 正常; 0.5 → 滞后; 0.39 → 严重滞后.
    await importText(temp, '指标编码,统计期,数值\n2021-T1-2,2021-06,560\n');
    expect((await states('2021-06'))['2021-T1-2']?.status).toBe('正常');
    await importText(temp, '指标编码,统计期,数值\n2021-T1-2,2021-06,500\n');
    expect((await states('2021-06'))['2021-T1-2']?.status).toBe('滞后');
    await importText(temp, '指标编码,统计期,数值\n2021-T1-2,2021-06,390\n');
    expect((await states('2021-06'))['2021-T1-2']?.status).toBe('严重滞后');
    await importText(temp, '指标编码,统计期,数值\n2021-T1-2,2021-06,1000\n');
    expect((await states('2021-06'))['2021-T1-2']?.status).toBe('已完成');
  });

  it('marks an indicator with no recent report as 未报送, and a passed deadline unmet as 严重滞后', async () => {
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-03,9000\n2021-T1-2,2021-09,950\n');
    const s = await states('2021-06');
    expect(s['2021-T1-1']?.status).toBe('未报送'); // March is more than a month before June
    expect(s['2021-T2-1']?.status).toBe('未报送'); // never reported
    expect((await states('2021-11'))['2021-T1-2']?.status).toBe('未报送');
    await importText(temp, '指标编码,统计期,数值\n2021-T1-2,2021-11,990\n');
    expect((await states('2021-11'))['2021-T1-2']).toMatchObject({ status: '严重滞后', pace: 1 });
  });

  it('judges a level by each latest value against its threshold, done only at the deadline', async () => {
    await importText(
      temp,
      '指标编码,统计期,数值\n2021-T2-1,2021-05,91%\n2021-T2-1,2021-06,88\n2021-T2-1,2021-12,90.5\n',
    );
    expect((await states('2021-05'))['2021-T2-1']?.status).toBe('正常');
    expect((await states('2021-06'))['2021-T2-1']).toMatchObject({ actual: 88, status: '滞后' });
    expect((await states('2021-12'))['2021-T2-1']?.status).toBe('已完成');
  });

  it('reads milestones as 未开始 / 进行中 / 已完成 with the month reported done', async () => {
    await importText(temp, '指标编码,统计期,状态\n2021-T3-1,2021-04,进行中\n2021-T3-1,2021-08,已完成\n');
    expect((await states('2021-05'))['2021-T3-1']).toMatchObject({
      milestone_status: '进行中',
      status: '正常',
      completion: 0.5,
    });
    expect((await states('2021-07'))['2021-T3-1']?.status).toBe('未报送');
    expect((await states('2021-09'))['2021-T3-1']).toMatchObject({
      status: '已完成',
      done_period: '2021-08-31',
      completion: 1,
    });
  });

  it('accumulates increments (当月) into the cumulative series', async () => {
    await importText(
      temp,
      '指标编码,统计期,当月完成\n2021-T1-1,2021-01,1000\n2021-T1-1,2021-02,2000\n2021-T1-1,2021-03,3000\n',
    );
    expect((await states('2021-03'))['2021-T1-1']?.actual).toBe(6000);
    // A cumulative report restarts the sum; a later increment adds to it.
    await importText(temp, '指标编码,统计期,累计完成\n2021-T1-1,2021-04,10000\n');
    await importText(temp, '指标编码,统计期,当月完成\n2021-T1-1,2021-05,500\n');
    expect((await states('2021-05'))['2021-T1-1']?.actual).toBe(10500);
  });

  it('follows an uploaded monthly plan instead of the straight line', async () => {
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-06,9000\n', { series: 'plan' });
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-06,8000\n');
    const s = (await states('2021-06'))['2021-T1-1'];
    expect(s).toMatchObject({ pace: 0.25, pace_from_plan: true, status: '正常' });
  });

  it('shows what was known at a past recording time, before a later revision', async () => {
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-06,20000\n');
    const revision = await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-06,25000\n');
    // Known just before the revision was recorded, as the database recorded it.
    const before = justBefore(await uploadedAt(temp.store, revision.uploadId));
    expect((await states('2021-06'))['2021-T1-1']?.actual).toBe(25000);
    expect((await states('2021-06', before))['2021-T1-1']?.actual).toBe(20000);
    await withdrawUpload(temp.store, revision.uploadId!, CLI_ACTOR, null);
    expect((await states('2021-06'))['2021-T1-1']?.actual).toBe(20000);
  });

  it('forecasts from the recent run rate and says it in a sentence', async () => {
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-03,9000\n2021-T1-1,2021-06,18000\n');
    const s = (await states('2021-06'))['2021-T1-1']!;
    // 3000 a month over the last three months: 36000 by December, reached in December.
    expect(s).toMatchObject({ forecast: 36000, forecast_done: '2021-12-31' });
    expect(forecastSentence(s, 2021)).toBe('按近三个月进度，预计12月完成');
  });

  it('takes the recent run rate from three months before the latest report, and a stale one from the year', async () => {
    await importText(temp, '指标编码,统计期,数值\n2021-T1-1,2021-02,2000\n2021-T1-1,2021-06,18000\n');
    // As of August the latest report (June) is two months old: 16000 over the four months since February.
    expect((await states('2021-08'))['2021-T1-1']).toMatchObject({
      rate_from_three_months: true,
      forecast: 42000,
    });
    // As of October it is four months old: no recent rate, the year's average (18000 over six months).
    expect((await states('2021-10'))['2021-T1-1']).toMatchObject({
      rate_from_three_months: false,
      forecast: 36000,
    });
  });

  it('finds the value three months before the latest among reports dated within the month', async () => {
    // Four reports fall within the three months before 30 June (15 April to 30 June), more than the
    // one pass over the series keeps (sql/macros/40_status.sql): the value of 15 March is found all the same.
    await importText(
      temp,
      [
        '指标编码,统计期,数值',
        '2021-T1-1,2021-03-15,10000',
        '2021-T1-1,2021-04-15,12000',
        '2021-T1-1,2021-05-15,14000',
        '2021-T1-1,2021-06-15,16000',
        '2021-T1-1,2021-06-30,18000',
        '',
      ].join('\n'),
    );
    const s = (await states('2021-06'))['2021-T1-1']!;
    // 8000 over the three month boundaries since 15 March: 18000 + 6 × 2666.67 = 34000 by December.
    expect(s).toMatchObject({ rate_from_three_months: true, forecast: 34000, forecast_done: '2022-01-31' });
  });
});
