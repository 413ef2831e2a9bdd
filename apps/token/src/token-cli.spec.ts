import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenVerifier } from '@lib/platform';
import { parseTtl, runTokenCli } from './token-cli.js';

describe('token CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ib-token-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints only a token the api accepts, for the role, municipality and subject asked', async () => {
    const result = await runTokenCli(['--role', 'administrator', '--tenant', 'GM0363', '--sub', 'staff-1', '--ttl', '8h'], { DATA_DIR: dataDir });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const verifier = await TokenVerifier.local(dataDir, 'inwonersbudget');
    expect(await verifier.verify(result.stdout.trim())).toEqual({ subject: 'staff-1', roles: ['administrator'], tenant: 'GM0363' });
    const payload = JSON.parse(Buffer.from(result.stdout.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(payload.exp - payload.iat).toBe(8 * 3600);
  });

  it('issues several roles and a voter token for one round', async () => {
    const verifier = await TokenVerifier.local(dataDir, 'inwonersbudget');
    const staff = await runTokenCli(['--role', 'reviewer,auditor', '--tenant', 'GM0014'], { DATA_DIR: dataDir });
    expect(await verifier.verify(staff.stdout.trim())).toEqual({ subject: 'dev-reviewer', roles: ['reviewer', 'auditor'], tenant: 'GM0014' });
    const voter = await runTokenCli(['--role', 'voter', '--tenant', 'GM0363', '--round', 'r-2026', '--sub', 'v-1'], { DATA_DIR: dataDir });
    expect(await verifier.verify(voter.stdout.trim())).toEqual({ subject: 'v-1', roles: ['voter'], tenant: 'GM0363', round: 'r-2026' });
  });

  it('uses the configured audience', async () => {
    const result = await runTokenCli(['--role', 'auditor', '--tenant', 'GM0363'], { DATA_DIR: dataDir, AUTH_AUDIENCE: 'other-api' });
    await expect((await TokenVerifier.local(dataDir, 'inwonersbudget')).verify(result.stdout.trim())).rejects.toThrow();
    await expect((await TokenVerifier.local(dataDir, 'other-api')).verify(result.stdout.trim())).resolves.toMatchObject({ roles: ['auditor'] });
  });

  it.each([
    [{ NODE_ENV: 'production' }],
    [{ NODE_ENV: 'development', AUTH_JWKS_URL: 'https://login.example/certs', AUTH_ISSUER: 'https://login.example' }],
  ])('refuses in a production configuration (%j)', async (env) => {
    const result = await runTokenCli(['--role', 'administrator', '--tenant', 'GM0363'], { DATA_DIR: dataDir, ...env });
    expect(result).toMatchObject({ exitCode: 77, stdout: '' });
    expect(result.stderr).toContain('production');
  });

  it.each([
    [['--tenant', 'GM0363'], '--role is required'],
    [['--role', 'root', '--tenant', 'GM0363'], 'Unknown role: root'],
    [['--role', 'administrator'], '--tenant must be a CBS municipality code'],
    [['--role', 'administrator', '--tenant', 'Utrecht'], '--tenant must be a CBS municipality code'],
    [['--role', 'voter', '--tenant', 'GM0363'], 'A voter token needs --round'],
    [['--role', 'auditor', '--tenant', 'GM0363', '--ttl', '30d'], '--ttl must be between'],
    [['--role', 'auditor', '--tenant', 'GM0363', '--ttl', 'forever'], '--ttl must be between'],
    [['--role', 'auditor', '--tenant', 'GM0363', '--sub', 'a b'], '--sub must be'],
    [['--role', 'auditor', '--tenant', 'GM0363', '--admin'], "Unknown option '--admin'"],
  ])('refuses %j with a usage message and no token', async (argv, message) => {
    const result = await runTokenCli(argv, { DATA_DIR: dataDir });
    expect(result).toMatchObject({ exitCode: 64, stdout: '' });
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage:');
  });

  it('reads lifetimes in seconds, minutes, hours and days', () => {
    expect([parseTtl('600'), parseTtl('600s'), parseTtl('30m'), parseTtl('8h'), parseTtl('2d'), parseTtl('8 h'), parseTtl('-1h')]).toEqual([600, 600, 1800, 28_800, 172_800, undefined, undefined]);
  });

  it('npm run --silent token prints the token and nothing else', () => {
    const result = spawnSync('npm', ['run', '--silent', 'token', '--', '--role', 'official', '--tenant', 'GM0363', '--ttl', '10m'], {
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', AUTH_JWKS_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
