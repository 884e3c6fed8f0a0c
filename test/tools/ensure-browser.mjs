// The browser tests drive Debian's Chromium (no browser download) and need CJK fonts so Chinese
// renders. Installs them when this process may (root with apt-get, as .ci/run does); otherwise
// stops with the one command to run. Never a silent skip.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function missing() {
  const lack = [];
  if (!existsSync(CHROMIUM)) lack.push('chromium');
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.status !== 0 || !/Noto Sans CJK|Noto Serif CJK/i.test(fonts.stdout)) lack.push('fonts-noto-cjk');
  return lack;
}

export function ensureBrowser() {
  let lack = missing();
  if (lack.length === 0) return true;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log(`▶ installing ${lack.join(' ')} for the browser tests`);
    try {
      execSync('apt-get update -qq', { stdio: 'inherit' });
      execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${lack.join(' ')}`, {
        stdio: 'inherit',
      });
    } catch {
      // Reported below with the command to run.
    }
    lack = missing();
    if (lack.length === 0) return true;
  }
  console.error(`\n浏览器测试需要 Debian 的 ${lack.join(' 和 ')}。请先运行：\n  sudo ${INSTALL}\n`);
  return false;
}
