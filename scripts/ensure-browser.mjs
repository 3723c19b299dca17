// The browser e2e runs in Debian's Chromium where it is installed (CI, the offline office PCs' build hosts);
// elsewhere it falls back to Playwright's own Chromium, downloaded once on a machine with internet.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

if (!existsSync('/usr/bin/chromium')) {
  console.info('未找到 /usr/bin/chromium，改用 Playwright 自带的 Chromium（需联网下载一次）。');
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
