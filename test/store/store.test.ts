import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, StoreError, type Tx } from '../../src/store/store.js';
import { type TempStore, tempStore } from '../helpers/store.js';

describe('store/Store', () => {
  let temp: TempStore;
  afterEach(async () => temp?.cleanup());

  it('applies every migration once and records it', async () => {
    temp = await tempStore();
    const rows = await temp.store.all<{ version: number }>('meta/data_version');
    expect(rows).toEqual([{ version: 0 }]);
    await temp.store.close();
    // Reopening the same file applies nothing again and keeps the data.
    const reopened = await Store.open(temp.file);
    temp.store = reopened;
    expect(await reopened.all('meta/data_version')).toEqual([{ version: 0 }]);
  });

  it('commits all of a write or, when it throws, none of it', async () => {
    temp = await tempStore();
    await expect(
      temp.store.write(async (tx) => {
        await tx.run('meta/bump_data_version');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await temp.store.one('meta/data_version')).toEqual({ version: 0 });
    await temp.store.write((tx) => tx.run('meta/bump_data_version'));
    expect(await temp.store.one('meta/data_version')).toEqual({ version: 1 });
  });

  it('runs concurrent writes one after another, and a failed one does not block the next', async () => {
    temp = await tempStore();
    const store = temp.store;
    const bump = () => store.write((tx) => tx.run('meta/bump_data_version'));
    const failing = store.write(async () => {
      throw new Error('fails');
    });
    const results = await Promise.allSettled([bump(), failing, bump(), bump()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await store.one('meta/data_version')).toEqual({ version: 3 });
  });

  it("prepares a session's write in its turn: no other write commits between the preparation and the transaction", async () => {
    temp = await tempStore();
    const store = temp.store;
    const version = async (tx: Tx) =>
      (await tx.all<{ version: number }>('meta/data_version'))[0]?.version ?? -1;
    const events: string[] = [];
    let other: Promise<unknown> = Promise.resolve();
    await store.session((session) =>
      store.write(
        async (tx) => {
          events.push(`work sees ${await version(tx)}`);
          await tx.run('meta/bump_data_version');
        },
        {
          on: session,
          prepare: async (turn) => {
            // A write queued while the preparation runs waits for the whole turn.
            other = store.write(async (tx) => {
              events.push(`other sees ${await version(tx)}`);
              await tx.run('meta/bump_data_version');
            });
            events.push(`prepare sees ${await version(turn)}`);
          },
        },
      ),
    );
    await other;
    expect(events).toEqual(['prepare sees 0', 'work sees 0', 'other sees 1']);
  });

  it('refuses to open the same file twice in one process', async () => {
    temp = await tempStore();
    await expect(Store.open(temp.file)).rejects.toThrow(StoreError);
    await expect(Store.open(temp.file)).rejects.toThrow(/已在本进程中打开/);
  });

  it('names the file and the process holding it when another process has it open', async () => {
    temp = await tempStore();
    const script = `
      import { Store } from './src/store/store.ts';
      try { await Store.open(process.argv[1]); console.log('opened'); }
      catch (e) { console.log(e.message); }`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, temp.file],
      {
        cwd: process.cwd(),
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(output).toContain(temp.file);
    expect(output).toContain(`PID ${process.pid}`);
    expect(output).not.toContain('opened');
  });

  it('says which query is missing', async () => {
    temp = await tempStore();
    await expect(temp.store.all('no/such_query')).rejects.toThrow('sql/queries/no/such_query.sql');
  });
});
