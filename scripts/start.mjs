// `npm start`: install if needed, build the front ends and the api, run it (embedded mode unless configured otherwise).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstalled, root } from './ensure-installed.mjs';

ensureInstalled();
process.stderr.write('Building the front ends…\n');
execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', join(root, 'apps', 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
process.stderr.write('Building the api…\n');
execFileSync(join(root, 'node_modules', '.bin', 'nest'), ['build', 'api'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
