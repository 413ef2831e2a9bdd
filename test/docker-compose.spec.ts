import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../libs/platform/src/config/app-config.js';

interface ComposeService {
  environment?: Record<string, string>;
  command?: string[];
}

const load = (file: string): Record<string, ComposeService> =>
  (parse(readFileSync(new URL(`../docker/${file}`, import.meta.url), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> }).services;

describe.each(['docker-compose.yml', 'docker-compose.cluster.yml'])('docker/%s', (file) => {
  const services = load(file);

  it.each(['api', 'projector'])('passes %s exactly the variables the configuration reads', (name) => {
    const environment = services[name]?.environment ?? {};
    expect(Object.keys(environment).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(environment.NODE_ENV).toBe('production');
    expect(environment.EVENTSTORE_URL).toMatch(/esdb/);
    expect(environment.DATABASE_URL).toMatch(/^postgres:\/\//);
  });

  it('has no default secret: every password and the identity provider are required variables', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD/.test(key)) expect({ service: name, key, value }).toEqual({ service: name, key, value: expect.stringMatching(/^\$\{[A-Z_]+:\?[^}]+\}$/) });
        if (key === 'DATABASE_URL') expect(value).toContain('${POSTGRES_PASSWORD:?');
      }
    }
    expect(services.api?.environment?.AUTH_JWKS_URL).toMatch(/^\$\{AUTH_JWKS_URL:\?/);
  });

  it('starts each app of the image by name', () => {
    expect(services.api?.command).toEqual(['api']);
    expect(services.projector?.command).toEqual(['projector']);
  });
});
