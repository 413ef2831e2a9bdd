import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import rulesets from '@stoplight/spectral-rulesets';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { InMemoryEventStore } from '@lib/event-store';
import { startTestApi, type TestApi } from '../support/test-api.js';

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown; examples?: Record<string, { value?: { code?: string; status?: number }; $ref?: string }> }>;
  'x-problem-codes'?: string[];
}
interface Operation {
  responses: Record<string, Response>;
  security?: unknown[];
  'x-roles'?: string[];
  'x-public'?: boolean;
}
type Document = { paths: Record<string, Record<string, Operation>> };

const { Spectral, Document: SpectralDocument } = spectralCore;
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;
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

  it('passes Spectral\'s OpenAPI rules (oas, recommended) with no error and no warning', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[rulesets.oas, 'recommended']] } as unknown as Parameters<typeof spectral.setRuleset>[0]);
    const results = await spectral.run(new SpectralDocument(source, Parsers.Json, 'openapi.json'));
    const found = results.filter((r) => r.severity <= 1).map((r) => `${r.severity === 0 ? 'error' : 'warning'} ${r.code} ${r.path.join('.')}: ${r.message}`);
    expect(found).toEqual([]);
  });

  it('has examples that are valid against their own schemas (Ajv): every property, parameter and media type', () => {
    const document = JSON.parse(source) as Record<string, unknown>;
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    ajv.addSchema(document, 'openapi.json');
    const invalid: string[] = [];
    let checked = 0;
    const check = (pointer: string, example: unknown) => {
      checked++;
      const validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
      if (!validate(example)) invalid.push(`${pointer}: ${ajv.errorsText(validate.errors)}`);
    };
    const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
    const shared = ((document.components as { examples?: Record<string, { value?: unknown }> }).examples ?? {});
    const resolve = (example: { value?: unknown; $ref?: string }) => (example.$ref === undefined ? example : (shared[example.$ref.replace('#/components/examples/', '')] ?? { $ref: example.$ref }));
    const walk = (node: unknown, pointer: string, isSchema: boolean) => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, `${pointer}/${i}`, isSchema));
        return;
      }
      const object = node as Record<string, unknown>;
      if (isSchema && 'example' in object) check(pointer, object.example);
      // A media type or parameter carries its own example beside its schema.
      if (!isSchema && 'schema' in object && 'example' in object) check(`${pointer}/schema`, object.example);
      if (!isSchema && 'schema' in object && object.examples && typeof object.examples === 'object') {
        for (const example of Object.values(object.examples as Record<string, { value?: unknown; $ref?: string }>).map((e) => resolve(e))) if ('value' in example) check(`${pointer}/schema`, example.value);
      }
      for (const [key, value] of Object.entries(object)) {
        if (key === 'example' || key === 'examples') continue;
        const child = `${pointer}/${escape(key)}`;
        const schemaChild = key === 'schema' || (isSchema && ['items', 'additionalProperties', 'not'].includes(key));
        if (isSchema && ['properties', 'allOf', 'oneOf', 'anyOf'].includes(key)) {
          for (const [name, sub] of Object.entries(value as Record<string, unknown>)) walk(sub, `${child}/${escape(name)}`, true);
        } else walk(value, child, schemaChild);
      }
    };
    walk(document.paths, '/paths', false);
    for (const [name, schema] of Object.entries((document.components as { schemas: Record<string, unknown> }).schemas)) walk(schema, `/components/schemas/${escape(name)}`, true);
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('declares every tag it uses, each with a description, and a server', () => {
    const document = JSON.parse(source) as { tags?: { name: string; description?: string }[]; servers?: { url: string; description?: string }[] };
    const used = [...new Set(operations.flatMap(([, op]) => (op as { tags?: string[] }).tags ?? []))].sort();
    expect((document.tags ?? []).map((t) => t.name).sort()).toEqual(used);
    expect((document.tags ?? []).filter((t) => !t.description)).toEqual([]);
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.servers!.every((s) => typeof s.description === 'string' && s.description !== '')).toBe(true);
  });

  it('describes every schema of its components', () => {
    const schemas = (JSON.parse(source) as { components: { schemas: Record<string, { description?: string }> } }).components.schemas;
    expect(Object.entries(schemas).filter(([, schema]) => !schema.description).map(([name]) => name)).toEqual([]);
  });

  it('gives every operation a request body where it takes one: JSON, and the voter roll as text/csv', () => {
    const document = JSON.parse(source) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: unknown }> } }>> };
    expect(Object.keys(document.paths['/rounds/{roundId}/voter-roll']!.post!.requestBody!.content)).toEqual(['text/csv']);
    // Their token says everything: confirming a batch, a resident's support, a resident's voter session.
    const bodiless = new Set(['POST /rounds/{roundId}/paper-batches/{batchId}/confirm', 'POST /rounds/{roundId}/plans/{proposalId}/my-support', 'POST /rounds/{roundId}/resident-voter-sessions']);
    const missing = operations.filter(([name, op]) => /^(POST|PUT|PATCH) /.test(name) && !bodiless.has(name) && !(op as { requestBody?: unknown }).requestBody).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('gives every operation a success response with a schema', () => {
    const missing = operations.filter(([, op]) => {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      return success.length === 0 || success.some(([status, response]) => status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema !== undefined));
    });
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('gives every operation its error responses as problem details, which carry the stable code: one of the codes the response lists', () => {
    const problemOf = (codes: string[] | undefined) => ({ allOf: [PROBLEM, { type: 'object', properties: { code: { type: 'string', enum: codes } } }] });
    const missing = operations.filter(([, op]) => {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status));
      return errors.length === 0 || errors.some(([, response]) => JSON.stringify(response.content?.['application/problem+json']?.schema) !== JSON.stringify(problemOf(response['x-problem-codes'])));
    });
    expect(missing.map(([name]) => name)).toEqual([]);
    expect(JSON.parse(source).components.schemas.ProblemDetailsDto.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
  });

  it('lists the codes of every problem response: at least one, in its description, with one example each carrying that code and status', () => {
    const shared = (JSON.parse(source) as { components: { examples?: Record<string, { value?: { code?: string; status?: number } }> } }).components.examples ?? {};
    const valueOf = (example: { value?: { code?: string; status?: number }; $ref?: string } | undefined) => (example?.$ref === undefined ? example?.value : shared[example.$ref.replace('#/components/examples/', '')]?.value);
    const wrong: string[] = [];
    for (const [name, op] of operations) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => /^[45]/.test(s))) {
        const codes = response['x-problem-codes'] ?? [];
        const examples = response.content?.['application/problem+json']?.examples ?? {};
        if (codes.length === 0) wrong.push(`${name} ${status}: no codes`);
        if (new Set(codes).size !== codes.length) wrong.push(`${name} ${status}: a code twice`);
        for (const code of codes) {
          if (!/^[A-Z][A-Z_]*(\.[A-Z][A-Z_]*)+$/.test(code)) wrong.push(`${name} ${status}: ${code} is no code`);
          if (!response.description?.includes(`\`${code}\``)) wrong.push(`${name} ${status}: ${code} not in the description`);
          if (valueOf(examples[code])?.code !== code || valueOf(examples[code])?.status !== Number(status)) wrong.push(`${name} ${status}: no example for ${code}`);
        }
        if (Object.keys(examples).length !== codes.length) wrong.push(`${name} ${status}: examples for codes it does not list`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('adds the shared codes where their status applies: signed-in operations 401 and 403, paths with an id 400 REQUEST.INVALID_ID, commands with If-Match 412', () => {
    const codesOf = (op: Operation, status: string) => op.responses[status]?.['x-problem-codes'] ?? [];
    const missing: string[] = [];
    for (const [name, op] of operations) {
      const parameters = (op as { parameters?: { in: string; name: string }[] }).parameters ?? [];
      if (!op['x-public'] && !codesOf(op, '401').includes('AUTH.UNAUTHENTICATED')) missing.push(`${name} 401`);
      if (!op['x-public'] && !codesOf(op, '403').includes('AUTH.FORBIDDEN')) missing.push(`${name} 403`);
      if (parameters.some((p) => p.in === 'header' && p.name === 'If-Match') && !codesOf(op, '412').includes('REQUEST.PRECONDITION_FAILED')) missing.push(`${name} 412`);
      if (op.responses['400'] && parameters.some((p) => p.in === 'path') && !codesOf(op, '400').includes('REQUEST.INVALID_ID')) missing.push(`${name} 400`);
    }
    expect(missing).toEqual([]);
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
