import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkCatalog } from '../../src/catalog/schema.js';
import type { Catalog, Doubt } from '../../src/catalog/types.js';
import { loadConfig } from '../../src/config.js';
import { launchBrowser } from '../helpers/browser.js';
import { scannedPdf, toDocx, toWebPage } from './render.js';

// Chromium printing, child processes and hundreds of generated cases: more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const documents = path.join(import.meta.dirname, 'fixtures', 'documents');
const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-catalog-cli-'));
const seeds = loadConfig({}).seedsDir;

/** `npm run -s catalog -- …`, as a person types it. */
const npmCatalog = (args: string[]) =>
  spawnSync('npm', ['run', '-s', 'catalog', '--', ...args], { encoding: 'utf8', cwd: path.resolve('.') });
/** The same entrance without npm's start-up, for the other cases. */
const catalog = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/catalog.ts', ...args], { encoding: 'utf8' });

describe('cli/catalog on Word, PDF and web pages', () => {
  beforeAll(async () => {
    const text = (name: string) => readFileSync(path.join(documents, name), 'utf8');
    writeFileSync(path.join(dir, '2022年重点任务.docx'), await toDocx(text('jilin-2022.txt')));
    writeFileSync(path.join(dir, 'district.html'), toWebPage(text('district-division.txt')));
    const { browser, close } = await launchBrowser();
    writeFileSync(path.join(dir, 'scan.pdf'), await scannedPdf(browser));
    await close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints only the catalogue JSON on stdout for a .docx, with its doubts; counts on stderr', () => {
    const run = npmCatalog([path.join(dir, '2022年重点任务.docx')]);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Catalog & { doubts: Doubt[] };
    expect([output.parts.length, output.sections.length, output.tasks.length]).toEqual([4, 6, 17]);
    expect(output.tasks.find((t) => t.seq === 7)?.indicators.map((i) => i.value)).toEqual([1200, 200000]);
    expect(output.doubts).toEqual([]);
    expect(output.document.id).toBe('2022');
    // What the command prints is a catalogue file the app can load, once reviewed.
    expect(() => checkCatalog(output, 'stdout')).not.toThrow();
    expect(run.stderr).toMatch(/Word）：4 个部分，6 节，17 项任务，\d+ 个指标，0 个发展目标；0 处存疑/);
  });

  it('counts the doubts of a saved web page on stderr and gives them in the JSON', () => {
    const run = catalog([path.join(dir, 'district.html'), '--id', 'nanguan-2023']);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Catalog & { doubts: Doubt[] };
    expect(output.document).toMatchObject({ id: 'nanguan-2023', year: 2023 });
    expect(output.doubts).toEqual([expect.objectContaining({ kind: 'department', seq: 7 })]);
    expect(run.stderr).toMatch(/网页）.*1 处存疑/);
  });

  it('keeps the reviewed codes with --previous', () => {
    const run = catalog([
      path.join(seeds, 'jilin-2021-new-urbanization-key-tasks.txt'),
      '--previous',
      path.join(seeds, 'jilin-2021-new-urbanization-key-tasks.catalog.json'),
    ]);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Catalog;
    expect(output.document.id).toBe('jilin-2021-new-urbanization-key-tasks');
    const t37 = output.tasks.find((t) => t.seq === 37)?.indicators.map((i) => [i.code, i.value]);
    expect(t37).toEqual([
      ['2021-T37-1', 31000],
      ['2021-T37-2', 7000],
      ['2021-T37-3', 2000],
      ['2021-T37-4', 3],
    ]);
  });

  it('exits 1 with a Chinese message for a scan, 2 for a usage mistake, and prints nothing on stdout', () => {
    const scan = catalog([path.join(dir, 'scan.pdf')]);
    expect(scan).toMatchObject({ status: 1, stdout: '' });
    expect(scan.stderr).toContain('没有文字层');
    expect(scan.stderr).not.toMatch(/\n\s+at /);
    expect(catalog([])).toMatchObject({ status: 2, stdout: '' });
    expect(catalog([path.join(dir, 'district.html'), '--year', '21'])).toMatchObject({
      status: 2,
      stdout: '',
    });
    expect(catalog([path.join(dir, 'missing.docx')])).toMatchObject({ status: 2, stdout: '' });
  });
});
