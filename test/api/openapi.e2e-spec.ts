import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../support/test-api.js';

interface Response {
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  responses: Record<string, Response>;
  security?: unknown[];
  'x-roles'?: string[];
  'x-public'?: boolean;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
const PROBLEM = { $ref: '#/components/schemas/ProblemDetailsDto' };

/** The OpenAPI document a front end and the typed client are built from, as the api serves it. */
describe('the OpenAPI document (/docs-json)', () => {
  let api: TestApi;
  let source: string;
  let operations: [string, Operation][];

  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore());
    source = await (await fetch(`${api.url}/docs-json`)).text();
    const document = JSON.parse(source) as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('passes the OpenAPI lint (Redocly, recommended rules) with no error', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('gives every operation a success response with a schema', () => {
    const missing = operations.filter(([, op]) => {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      return success.length === 0 || success.some(([status, response]) => status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema !== undefined));
    });
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('gives every operation its error responses as problem details, which carry the stable code', () => {
    const missing = operations.filter(([, op]) => {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
      return errors.length === 0 || errors.some(([, response]) => JSON.stringify(response.content?.['application/problem+json']?.schema) !== JSON.stringify(PROBLEM));
    });
    expect(missing.map(([name]) => name)).toEqual([]);
    expect(JSON.parse(source).components.schemas.ProblemDetailsDto.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
  });

  it('names the roles of every operation: signed-in roles with the bearer scheme, public ones with no security', () => {
    const unstated = operations.filter(([, op]) => !Array.isArray(op['x-roles']));
    expect(unstated.map(([name]) => name)).toEqual([]);
    for (const [name, op] of operations) {
      if (op['x-public']) expect([name, op['x-roles'], op.security]).toEqual([name, [], []]);
      else expect([name, op['x-roles']!.length > 0, op.security]).toEqual([name, true, [{ bearer: [] }]]);
    }
  });
});
