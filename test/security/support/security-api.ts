import { InMemoryEventStore } from '@lib/event-store';
import { DocumentedProblems } from '../../support/documented-problems.js';
import { startTestApi, type TestApi } from '../../support/test-api.js';
import { type Endpoint, nestEndpoints } from './endpoints.js';
import { Fixtures } from './fixtures.js';

export interface SecurityApi {
  store: InMemoryEventStore;
  api: TestApi;
  fixtures: Fixtures;
  /** The app's endpoints, from Nest's metadata. */
  endpoints: Endpoint[];
  /** The problem codes the app's OpenAPI document lists per operation. */
  documented: DocumentedProblems;
}

/** The api the security tests drive: an in-memory store, no rate limit, fixtures to prepare requests. */
export async function startSecurityApi(env: Record<string, string> = {}): Promise<SecurityApi> {
  const store = new InMemoryEventStore();
  const api = await startTestApi(store, { env: { RATE_LIMIT_PER_MINUTE: '0', ...env } });
  return { store, api, fixtures: new Fixtures(api, store), endpoints: nestEndpoints(api.app), documented: await DocumentedProblems.of(api.url) };
}
