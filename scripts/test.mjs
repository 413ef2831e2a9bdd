// `npm test`: install if needed, find (or install) Chromium, then lint, type-check, build the front ends and every test
// (unit, integration, end to end). Integration tests use PostgreSQL when DATABASE_URL is set, PGlite otherwise.
// Ends with one line: `N passed, N failed, N skipped` (Jest's test totals).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureInstalled, root } from './ensure-installed.mjs';

ensureInstalled();
const chromium = ensureChromium();
process.stderr.write(`Chromium: ${chromium}\n`);
const env = { ...process.env, CHROMIUM_PATH: chromium };
const bin = (name) => join(root, 'node_modules', '.bin', name);

const run = (name, command, args) => {
  process.stderr.write(`\n== ${name}\n`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
};

for (const [name, command, args] of [
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['layer rules', bin('depcruise'), ['apps', 'libs', 'test', '--config', '.dependency-cruiser.cjs']],
  ['type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['type-check front ends', bin('tsc'), ['-p', join('apps', 'web', 'tsconfig.json')]],
  ['build front ends', bin('vite'), ['build', '--config', join('apps', 'web', 'vite.config.ts'), '--logLevel', 'warn']],
]) {
  if (run(name, command, args) !== 0) {
    process.stderr.write(`\n${name} failed: no tests were run\n`);
    process.exit(1);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'inwonersbudget-test-'));
const report = join(dir, 'jest.json');
const status = run(`tests${process.env.DATABASE_URL ? ' (PostgreSQL from DATABASE_URL)' : ' (PGlite)'}`, process.execPath, [
  '--experimental-vm-modules',
  '--disable-warning=ExperimentalWarning',
  join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--maxWorkers=2',
  '--json',
  `--outputFile=${report}`,
  ...process.argv.slice(2),
]);
let totals;
try {
  totals = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  totals = null;
}
rmSync(dir, { recursive: true, force: true });
if (!totals) {
  process.stderr.write('\ntests failed: Jest wrote no results\n');
  process.exit(status || 1);
}
const failed = totals.numFailedTests + (totals.numRuntimeErrorTestSuites ?? 0);
process.stdout.write(`\n${totals.numPassedTests} passed, ${failed} failed, ${totals.numPendingTests + totals.numTodoTests} skipped\n`);
process.exit(status !== 0 || failed > 0 || !totals.success ? status || 1 : 0);
