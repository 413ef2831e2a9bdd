// `npm test`: install if needed, then lint, type-check and every test (unit, integration, end to end).
// Integration tests use PostgreSQL when DATABASE_URL is set, PGlite otherwise.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstalled, root } from './ensure-installed.mjs';

ensureInstalled();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const steps = [
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['layer rules', bin('depcruise'), ['apps', 'libs', 'test', '--config', '.dependency-cruiser.cjs', '--ignore-known']],
  ['type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['tests', process.execPath, ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--maxWorkers=2', ...process.argv.slice(2)]],
];
for (const [name, command, args] of steps) {
  process.stderr.write(`\n== ${name}${name === 'tests' ? (process.env.DATABASE_URL ? ' (PostgreSQL from DATABASE_URL)' : ' (PGlite)') : ''}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\n${name} failed\n`);
    process.exit(result.status ?? 1);
  }
}
