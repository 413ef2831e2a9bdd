import { describe, expect, it } from '@jest/globals';
import { metricsAccess } from './metrics.js';

describe('who may scrape /metrics', () => {
  const token = 'a'.repeat(32);

  it('is anyone in development and tests when no token is configured', () => {
    expect(metricsAccess({ NODE_ENV: 'development', METRICS_TOKEN: undefined }, undefined)).toBe('allowed');
    expect(metricsAccess({ NODE_ENV: 'test', METRICS_TOKEN: undefined }, 'Bearer anything')).toBe('allowed');
  });

  it('is no one in production without a token: the endpoint is off', () => {
    expect(metricsAccess({ NODE_ENV: 'production', METRICS_TOKEN: undefined }, undefined)).toBe('off');
    expect(metricsAccess({ NODE_ENV: 'production', METRICS_TOKEN: undefined }, `Bearer ${token}`)).toBe('off');
  });

  it('is only the bearer of the configured token, in every environment', () => {
    for (const NODE_ENV of ['development', 'production'] as const) {
      expect(metricsAccess({ NODE_ENV, METRICS_TOKEN: token }, `Bearer ${token}`)).toBe('allowed');
      for (const header of [undefined, '', `Bearer ${token}b`, `Bearer ${'a'.repeat(31)}`, `bearer ${token}`, `Bearer  ${token}`, token]) {
        expect([header, metricsAccess({ NODE_ENV, METRICS_TOKEN: token }, header)]).toEqual([header, 'unauthenticated']);
      }
    }
  });
});
