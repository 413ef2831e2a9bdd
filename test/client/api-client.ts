import createClient, { type Client } from 'openapi-fetch';
import { DocumentedProblems } from '../support/documented-problems.js';
import type { paths } from '../../openapi/schema.js';

/** A typed client of the api, generated from its OpenAPI document (`openapi/schema.d.ts`). */
export type ApiClient = Client<paths>;

const documents = new Map<string, Promise<DocumentedProblems>>();

/**
 * An openapi-fetch client against a running api (a test api's `url`), signed in with `token` when
 * given. Every problem answer it receives must carry a status and code that the api's `/docs-json`
 * lists for the operation; any other fails the call.
 */
export function apiClient(baseUrl: string, token?: string): ApiClient {
  const client = createClient<paths>({ baseUrl, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  client.use({
    async onResponse({ request, response, schemaPath }) {
      if (response.status < 400) return undefined;
      if (!documents.has(baseUrl)) documents.set(baseUrl, DocumentedProblems.of(baseUrl));
      const body = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
      const undocumented = (await documents.get(baseUrl)!).undocumented(`${request.method} ${schemaPath.replace(/\{(\w+)\}/g, ':$1')}`, { status: response.status, body });
      if (undocumented !== undefined) throw new Error(`Undocumented problem: ${undocumented}`);
      return undefined;
    },
  });
  return client;
}
