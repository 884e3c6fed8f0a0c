#!/usr/bin/env node
// `npm test`: lint, typecheck and every vitest suite, then the plain line `N passed, N failed`
// that CI reads (vitest's own summary is not read). Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBrowser } from './ensure-browser.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai', ...env } })
    .status;

if (!ensureBrowser()) process.exit(1);

const checks = [
  ['lint (biome)', bin('biome'), ['check', '.']],
  ['typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']],
];
let failed = 0;
for (const [name, cmd, args] of checks) {
  console.log(`\n▶ ${name}`);
  if (run(cmd, args) !== 0) {
    console.log(`✗ ${name} failed`);
    failed += 1;
  }
}

console.log('\n▶ vitest');
const out = path.join(root, 'test', 'output');
mkdirSync(out, { recursive: true });
const report = path.join(out, 'vitest.json');
// A report left by an earlier run must not stand in for this one.
rmSync(report, { force: true });
// vitest reads the root's vitest.config.ts (test/vitest.config.ts): timeouts and the unit/slow projects.
const status = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let passed = 0;
const failedBefore = failed;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests ?? 0;
  failed += result.numFailedTests ?? 0;
  // A file that failed outside any test (an import error, a failing beforeAll) counts once.
  failed += (result.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  if ((result.numTotalTests ?? 0) === 0) failed += 1;
  // vitest fails a run on an error outside any test (an unhandled rejection, say) though each passed.
  if (status !== 0 && failed === failedBefore) {
    console.log(`✗ vitest exited with status ${status}`);
    failed += 1;
  }
} else {
  console.log('✗ vitest wrote no report');
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
