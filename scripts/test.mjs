// Runs the browser tests in a real Chromium: CHROME_PATH when set, else one found
// on the machine; as root with apt, installs Debian's chromium; never downloads
// a browser of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    process.exit(1);
  }
  return CANDIDATES.find((p) => existsSync(p));
}

let browser = findBrowser();
if (!browser && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  browser = findBrowser();
}
if (!browser) {
  console.error(
    'No Chrome or Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROME_PATH to its executable, then run `npm test` again.',
  );
  process.exit(1);
}

const result = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: browser, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
process.exit(result.status ?? 1);
