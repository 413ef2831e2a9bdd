/**
 * `embedded-key.ts <signing|pseudonym> <data dir> <epoch ms>`: waits until the given moment, then takes
 * the data directory's embedded signing key (its public `x`) or resident pseudonym key (base64), as an
 * app process does at start, and prints it (or the error). Several started together race for one new
 * directory.
 */
import { residentPseudonymKey } from '../../../libs/platform/src/auth/resident-tokens.js';
import { localSigningKey } from '../../../libs/platform/src/auth/token-verifier.js';
import type { AppConfig } from '../../../libs/platform/src/config/app-config.js';

const [kind, dataDir, at] = process.argv.slice(2);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
try {
  const key = kind === 'pseudonym' ? (await residentPseudonymKey({ DATA_DIR: dataDir } as AppConfig)).toString('base64') : String((await localSigningKey(dataDir!)).publicJwk.x);
  process.stdout.write(`key ${key}\n`);
} catch (error) {
  process.stdout.write(`error ${(error as Error).message}\n`);
  process.exitCode = 1;
}
