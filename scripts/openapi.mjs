// `npm run openapi`: writes openapi/openapi.json (the live /docs-json) and openapi/schema.d.ts
// (the client types openapi-typescript generates from it), by running the spec that checks them with
// OPENAPI_WRITE=1. Run it after changing a route, a DTO or a view; commit both files.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './ensure-installed.mjs';

const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', join(root, 'node_modules', 'jest', 'bin', 'jest.js'), 'test/api/openapi-client.e2e-spec.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, OPENAPI_WRITE: '1' } },
);
process.exit(result.status ?? 1);
