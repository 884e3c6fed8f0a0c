import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites that start processes, browsers or thousands of cases: their own project, with room to be
 * slowed down by a busy 2-core CI machine without failing.
 */
const SLOW = [
  'test/e2e/**/*.test.ts',
  'test/fuzz/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/ingest/fuzz.test.ts',
  'test/ingest/crash.test.ts',
  'test/ingest/large.test.ts',
  'test/export/freeze-crash.test.ts',
  'test/store/backup.test.ts',
  'test/store/disk-full.test.ts',
  'test/store/wal.test.ts',
  'test/server.test.ts',
];

// The root's vitest.config.ts re-exports this, so `npm test`, `npm run test:unit` and a bare
// `npx vitest` all run with these timeouts.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    pool: 'forks',
    // vitest's default on 2 cores is one worker, idle whenever its test waits for a child, a
    // browser or an fsync. Two are faster there, even with another process keeping a core busy.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // One prepared database for the whole run, copied by seededApp() (test/helpers/store.ts).
    globalSetup: ['test/helpers/seeded-template.ts'],
    // Files share a worker's loaded modules instead of loading src again for each (a quarter of the
    // unit suite's CPU time). Every suite makes its own database, directory and server, so none
    // depends on another's state.
    isolate: false,
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...SLOW],
          // Real DuckDB files and scrypt at full strength: room on a busy shared 2-core machine,
          // where a test that takes 3 s alone was seen taking 12.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // The timeouts for these live here, not in the test files.
        test: { name: 'slow', include: SLOW, testTimeout: 300_000, hookTimeout: 300_000 },
      },
    ],
  },
});
