import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';

/** A typed client of the api, generated from its OpenAPI document (`test/client/schema.d.ts`). */
export type ApiClient = Client<paths>;

/** An openapi-fetch client against a running api (a test api's `url`), signed in with `token` when given. */
export function apiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<paths>({ baseUrl, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}
