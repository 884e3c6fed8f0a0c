import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editIndicator, publishDocument, removeIndicator, reviewDocument } from '../../src/catalog/drafts.js';
import { loadSeedCatalogs } from '../../src/catalog/load.js';
import { loadConfig } from '../../src/config.js';
import { type TempStore, tempStore } from '../helpers/store.js';

const JILIN = 'jilin-2021-new-urbanization-key-tasks';
const by = { username: 'admin', ref: 'cli', ip: null };

interface Stored {
  code: string;
  name: string;
  target: number | null;
  retired_at: Date | null;
}

describe('catalog/drafts', () => {
  let temp: TempStore;
  beforeAll(async () => {
    temp = await tempStore({ prepared: true });
  });
  afterAll(async () => temp.cleanup());
  const stored = (code: string) => temp.store.one<Stored>('catalog/indicator_by_code', { code });

  it('records the seed as a published version', async () => {
    const review = await reviewDocument(temp.store, JILIN);
    expect(review).toMatchObject({ state: 'published', live: true });
    expect(review.catalog.tasks).toHaveLength(58);
  });

  it('publishes a web edit of a seeded document in place: same codes, a removed target retired, not deleted', async () => {
    const task10 = (await reviewDocument(temp.store, JILIN)).catalog.tasks.find((t) => t.seq === 10);
    const first = task10?.indicators[0];
    if (!first) throw new Error('task 10 has no indicator');
    await editIndicator(temp.store, by, JILIN, first.code, {
      ...first,
      name: '农民工技能培训',
      value: 40000,
      recurrence: null,
    });
    await removeIndicator(temp.store, by, JILIN, '2021-T10-2');
    // Not live before publication.
    expect((await stored(first.code))?.name).toBe(first.name);
    await publishDocument(temp.store, by, JILIN);
    expect(await stored(first.code)).toMatchObject({
      name: '农民工技能培训',
      target: 40000,
      retired_at: null,
    });
    expect((await stored('2021-T10-2'))?.retired_at).toBeInstanceOf(Date);
    const edits = (await reviewDocument(temp.store, JILIN)).edits.map((e) => [
      e.item,
      e.field,
      e.old_value,
      e.new_value,
    ]);
    expect(edits).toContainEqual([`indicator:${first.code}`, 'value', String(first.value), '40000']);
    expect(edits.some(([item, field]) => item === 'indicator:2021-T10-2' && field === 'removed')).toBe(true);
  });

  it('does not let an unchanged seed file undo the web edition at the next start', async () => {
    const [result] = await loadSeedCatalogs(temp.store, loadConfig({}).seedsDir);
    expect(result?.changed).toBe(false);
    expect((await stored('2021-T10-1'))?.name).toBe('农民工技能培训');
    expect((await reviewDocument(temp.store, JILIN)).version.origin).toBe('publish');
  });
});
