import { parseArgs } from 'node:util';
import { CBS_MUNICIPALITY_CODE, ConfigError, issueLocalToken, loadConfig, MAX_LOCAL_TTL_SECONDS, type Role, STAFF_ROLES } from '@lib/platform';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const USAGE = `Usage: npm run --silent token -- --role <role>[,<role>…] --tenant <GMdddd> [--sub <id>] [--ttl 8h] [--round <id>]
  Prints a bearer token signed with the embedded key in DATA_DIR (development and tests only).
  roles: ${[...STAFF_ROLES, 'voter', 'resident'].join(', ')} (voter needs --round)
  ttl:   seconds, or a number with s, m, h or d (at most 7d)
`;

/** `8h`, `30m`, `600s`, `600`, `2d` → seconds; undefined when unreadable. */
export function parseTtl(text: string): number | undefined {
  const match = /^(\d{1,7})([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

const fail = (message: string, exitCode = 64): CliResult => ({ exitCode, stdout: '', stderr: `${message}\n${USAGE}` });

/** The `token` CLI without its process: parses, refuses production, issues. */
export async function runTokenCli(argv: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  // 1. Never in production: there tokens come from the municipality's identity provider only.
  if (env.NODE_ENV === 'production' || (env.AUTH_JWKS_URL ?? '') !== '') {
    return { exitCode: 77, stdout: '', stderr: 'Refusing to issue a token: this is a production configuration (NODE_ENV=production or AUTH_JWKS_URL set). Tokens come from the identity provider there.\n' };
  }
  // 2. Arguments.
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, tenant: { type: 'string' }, sub: { type: 'string' }, ttl: { type: 'string' }, round: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) return { exitCode: 0, stdout: USAGE, stderr: '' };
  const known: readonly string[] = [...STAFF_ROLES, 'voter', 'resident'];
  const roles = (values.role ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0) return fail('--role is required');
  const unknown = roles.filter((r) => !known.includes(r));
  if (unknown.length > 0) return fail(`Unknown role: ${unknown.join(', ')}`);
  if (!values.tenant || !CBS_MUNICIPALITY_CODE.test(values.tenant)) return fail('--tenant must be a CBS municipality code such as GM0363');
  if (roles.includes('voter') && !values.round) return fail('A voter token needs --round');
  const ttlSeconds = parseTtl(values.ttl ?? '8h');
  if (ttlSeconds === undefined || ttlSeconds <= 0 || ttlSeconds > MAX_LOCAL_TTL_SECONDS) return fail('--ttl must be between 1s and 7d, e.g. 8h');
  const subject = values.sub ?? `dev-${roles[0]}`;
  if (!/^[A-Za-z0-9._:@-]{1,100}$/.test(subject)) return fail('--sub must be 1-100 letters, digits or . _ : @ -');
  // 3. Configuration: the same DATA_DIR and audience the api uses.
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return { exitCode: 78, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  // 4. Sign with the embedded key (made on first use, like the api does).
  const token = await issueLocalToken(config.DATA_DIR, {
    subject,
    roles: roles as Role[],
    tenant: values.tenant,
    audience: config.AUTH_AUDIENCE,
    ttlSeconds,
    ...(values.round ? { round: values.round } : {}),
  });
  return { exitCode: 0, stdout: `${token}\n`, stderr: '' };
}
