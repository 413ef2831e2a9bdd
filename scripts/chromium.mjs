// Finds the Chromium the browser test drives; installs Debian's package where this process may.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** CHROMIUM_PATH or CHROME_PATH when set (and then only that), else /usr/bin/chromium, else the first browser on PATH. */
export function findChromium(env = process.env) {
  const named = env.CHROMIUM_PATH || env.CHROME_PATH;
  if (named) return executable(named) ? named : null;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));

/** The browser's path; installs it as root where apt-get exists; otherwise stops with the one command to run. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const named = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (named) fail(`The browser test needs Chromium, but ${named} (from ${process.env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'CHROME_PATH'}) is not an executable file. Unset it or point it at Chromium.`);
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    process.stderr.write('Chromium not found: installing it for the browser test (apt-get update && apt-get install -y chromium)…\n');
    try {
      execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'] });
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      fail(`Installing Chromium failed. Install it with: ${INSTALL_COMMAND}`);
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  fail(`The browser test needs Chromium, which is not installed. Install it with:\n\n  ${INSTALL_COMMAND}\n\n(or set CHROMIUM_PATH to a Chromium or Chrome executable), then run npm test again.`);
}

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}
