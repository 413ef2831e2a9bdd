import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../../../../openapi/schema';

/** The api, through the client generated from its OpenAPI document: the front ends call nothing else. */
export type Api = Client<paths>;
export type Schemas = components['schemas'];

/** RFC 9457 problem details as the api answers them, with its stable `code`. */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: { field?: string; property?: string; code?: string; message?: string }[];
  [key: string]: unknown;
}

/** A client on this origin, sending `token` (a staff, resident or voter token) as its bearer when given. */
export function apiClient(token?: () => string | null | undefined): Api {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use({
    onRequest({ request }) {
      const value = token?.();
      if (value) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  });
  return client;
}

/** The problem in a failed answer (a network failure becomes status 0, code NETWORK). */
export function problemOf(error: unknown, status: number): Problem {
  if (error && typeof error === 'object' && 'code' in error) return { status, ...(error as object) } as Problem;
  return { status, code: status === 0 ? 'NETWORK' : `HTTP_${status}` };
}

/** Runs a call of the generated client: its data, or throws its Problem. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw Object.assign(new Error('NETWORK'), { problem: { status: 0, code: 'NETWORK' } satisfies Problem });
  }
  if (result.response.ok) return result.data as T;
  const problem = problemOf(result.error, result.response.status);
  throw Object.assign(new Error(problem.code), { problem });
}

/** The Problem carried by an error thrown by `unwrap`, or a generic one. */
export function problemFrom(error: unknown): Problem {
  const problem = (error as { problem?: Problem } | null)?.problem;
  return problem ?? { status: 0, code: 'UNKNOWN' };
}

/** Euros from cents, in the reader's language ("€ 1.250,00"). */
export function euros(cents: number, lang: 'nl' | 'en'): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A date (YYYY-MM-DD or ISO time) in the reader's language. */
export function dateText(value: string | null | undefined, lang: 'nl' | 'en', withTime = false): string {
  if (!value) return '–';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' } : { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(date);
}
