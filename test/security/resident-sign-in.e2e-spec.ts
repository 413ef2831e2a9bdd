import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { DomainEvent } from '@lib/es';
import { InMemoryEventStore } from '@lib/event-store';
import { type AppConfig, loadConfig, RESIDENT_ISSUER, ResidentTokens, residentPseudonym, VOTER_ISSUER } from '@lib/platform';
import { ballotBoxStream } from '@lib/voting';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { anApprovalFrame } from '../../libs/voting/src/testing/voting.given.js';
import {
  FRONT_END_RETURN,
  idTokenOf,
  loginCookieOf,
  RESIDENTS_CLIENT as CLIENT,
  residentAuthEnv,
  type RunningProvider,
  signInAtProvider,
  startProvider,
} from './support/oidc-provider.js';

const TENANT = 'GM0363';
const PUBLIC_CLIENT = { client_id: 'inwonersbudget-public', redirect_uris: [FRONT_END_RETURN] };
const OTHER_CLIENT = { client_id: 'other-app', client_secret: 'other-client-secret-0123456789', redirect_uris: [FRONT_END_RETURN] };
const STAFF_CLIENT = { client_id: 'inwonersbudget-staff', client_secret: 'staff-client-secret-0123456789', redirect_uris: ['http://localhost:5174/staff/terug'] };
const PSEUDONYM_KEY = 'a-test-pseudonym-key-of-at-least-32-characters';

const RESIDENTS = {
  'inwoner-1': { birthdate: '1990-05-01', wijkcode: 'WK036301', name: 'Jan de Vries', bsn: '999990019' },
  'inwoner-2': { birthdate: '1961-11-30', wijkcode: 'WK036302' },
  'te-jong': { birthdate: '2015-02-03', wijkcode: 'WK036301' },
  'zonder-wijk': { birthdate: '1980-01-01' },
  'andere-wijk': { birthdate: '1980-01-01', wijkcode: 'WK099901' },
};
const STAFF = {
  'medewerker-1': { roles: ['administrator'], tenant: TENANT },
  'stiekem-inwoner': { roles: ['resident'], tenant: TENANT },
};

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

let residents: RunningProvider;
let staff: RunningProvider;
let app: INestApplication;
let url: string;
let store: InMemoryEventStore;
let config: AppConfig;
let dataDir: string;
let addresses = 0;

/** Each sign-in comes from its own address (the api trusts X-Forwarded-For from loopback), so the per-address limit is only met where a test means to. */
const nextAddress = () => `198.51.100.${++addresses}`;

async function call(method: string, path: string, options: { token?: string; cookie?: string; address?: string; accept?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.address ?? nextAddress() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.accept) headers.accept = options.accept;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, redirect: 'manual', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** The browser starts a sign-in at the api: the provider's URL and the login cookie. */
async function begin(address = nextAddress()): Promise<{ authorizationUrl: string; cookie: string }> {
  const started = await call('GET', '/resident-sessions/oidc', { address });
  expect(started.status).toBe(302);
  const cookie = loginCookieOf(started.headers)!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).toMatch(/Path=\/resident-sessions\/oidc/);
  return { authorizationUrl: started.headers.get('location')!, cookie: cookie.split(';')[0]! };
}

/** The front end's return page forwards the provider's answer to the api's callback, with the login cookie. */
function finish(returned: URL, cookie: string | undefined, address = nextAddress()): Promise<Answer> {
  return call('GET', `/resident-sessions/oidc/callback${returned.search}`, { cookie, address });
}

/** A whole sign-in: the app's resident token and its answer. */
async function signIn(account: string): Promise<Answer> {
  const { authorizationUrl, cookie } = await begin();
  return finish(await signInAtProvider(authorizationUrl, account, FRONT_END_RETURN), cookie);
}

const everything = async () => store.readAll({ maxCount: 100_000 });

async function given(stream: string, events: DomainEvent[], tenant = TENANT): Promise<void> {
  await store.append(stream, events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as Record<string, unknown>, metadata: { actor: 'staff-0', role: 'administrator', tenant } })), { expectedRevision: 'any' });
}

/** A round whose box is open: Amsterdam's approval ballot, for residents of two areas, 16 and older. */
async function anOpenRound(phases: ('open' | 'closed')[] = ['open']): Promise<string> {
  const roundId = randomUUID();
  const at = '2026-11-01T09:00:00.000Z';
  const events: DomainEvent[] = [{ type: 'BallotBoxPrepared', data: { roundId, frame: anApprovalFrame(), preparedAt: at } }];
  if (phases.includes('open')) events.push({ type: 'BallotBoxOpened', data: { roundId, reason: 'Schedule of the round', openedAt: at } });
  if (phases.includes('closed')) events.push({ type: 'BallotBoxClosed', data: { roundId, reason: 'Voting period ended', closedAt: at } });
  await given(ballotBoxStream(roundId), events);
  return roundId;
}

beforeAll(async () => {
  residents = await startProvider({ accounts: RESIDENTS, clients: [CLIENT, OTHER_CLIENT, PUBLIC_CLIENT], claims: { profile: ['birthdate', 'name'], wijk: ['wijkcode'] } });
  // The staff provider knows the same client id too: only the issuer tells them apart.
  staff = await startProvider({ accounts: STAFF, clients: [STAFF_CLIENT, CLIENT], claims: { staff: ['roles', 'tenant'] }, idTokenClaims: true });
  dataDir = await mkdtemp(join(tmpdir(), 'resident-sign-in-'));
  const voterKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // As behind the municipality's proxy on the same host: each sign-in from an address of its own.
    TRUST_PROXY: 'loopback',
    AUTH_ISSUER: staff.issuer,
    AUTH_JWKS_URL: `${staff.issuer}/jwks`,
    AUTH_AUDIENCE: STAFF_CLIENT.client_id,
    VOTER_TOKEN_PRIVATE_KEY: voterKey,
    ...residentAuthEnv(residents, PSEUDONYM_KEY, TENANT),
  });
  store = new InMemoryEventStore();
  app = await createApiApp({ config, eventStore: store, quiet: true });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});

afterAll(async () => {
  await app.close();
  await store.close();
  await residents.close();
  await staff.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a resident signs in at the residents\' provider (authorization code, PKCE, state, nonce)', () => {
  it('gets the app\'s resident token: subject the keyed pseudonym, never the provider\'s subject, name, BSN or birth date', async () => {
    const { authorizationUrl, cookie } = await begin();
    const asked = new URL(authorizationUrl);
    expect(asked.origin).toBe(residents.issuer);
    expect(Object.fromEntries(['client_id', 'response_type', 'code_challenge_method', 'scope', 'redirect_uri'].map((name) => [name, asked.searchParams.get(name)]))).toEqual({
      client_id: CLIENT.client_id,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid profile wijk',
      redirect_uri: FRONT_END_RETURN,
    });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(asked.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{22,}$/);

    const answer = await finish(await signInAtProvider(authorizationUrl, 'inwoner-1', FRONT_END_RETURN), cookie);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.getSetCookie().join()).toMatch(/ib_resident_login=;.*Expires=Thu, 01 Jan 1970/);
    expect(answer.body).toEqual({ token: expect.any(String), expiresIn: 900, tenant: TENANT, area: 'WK036301', ageBand: '35-44' });
    const claims = decodeJwt(answer.body.token as string);
    expect(claims).toEqual({
      iss: RESIDENT_ISSUER,
      aud: STAFF_CLIENT.client_id,
      sub: residentPseudonym(Buffer.from(PSEUDONYM_KEY), TENANT, residents.issuer, 'inwoner-1'),
      roles: ['resident'],
      tenant: TENANT,
      area: 'WK036301',
      age_band: '35-44',
      iat: expect.any(Number),
      exp: (claims.iat as number) + 900,
    });
    expect(claims.sub).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(claims)).not.toMatch(/inwoner-1|Jan de Vries|999990019|1990-05-01/);
  });

  it('the same resident is the same pseudonym at every sign-in; another resident another one', async () => {
    const [first, again, other] = [await signIn('inwoner-2'), await signIn('inwoner-2'), await signIn('inwoner-1')];
    const subjects = [first, again, other].map((answer) => decodeJwt(answer.body.token as string).sub);
    expect(subjects[0]).toBe(subjects[1]);
    expect(subjects[2]).not.toBe(subjects[0]);
  });

  it('answers the provider\'s URL as JSON when the front end asks for JSON', async () => {
    const started = await call('GET', '/resident-sessions/oidc', { accept: 'application/json' });
    expect(started.status).toBe(200);
    expect(new URL(started.body.authorizationUrl as string).origin).toBe(residents.issuer);
    expect(started.headers.getSetCookie().some((c) => c.startsWith('ib_resident_login='))).toBe(true);
  });

  it('refuses an answer for another sign-in (state), without the login cookie, or with a tampered one', async () => {
    const { authorizationUrl, cookie } = await begin();
    const returned = await signInAtProvider(authorizationUrl, 'inwoner-1', FRONT_END_RETURN);
    const forged = new URL(returned);
    forged.searchParams.set('state', 'x'.repeat(43));
    const otherSignIn = await begin();
    const answers = [
      await finish(forged, cookie),
      await finish(returned, otherSignIn.cookie),
      await finish(returned, undefined),
      await finish(returned, `${cookie.slice(0, -4)}AAAA`),
    ];
    expect(answers.map((a) => [a.status, a.body.code])).toEqual([
      [401, 'RESIDENT_SESSION.STATE_MISMATCH'],
      [401, 'RESIDENT_SESSION.STATE_MISMATCH'],
      [401, 'RESIDENT_SESSION.NO_SIGN_IN_STARTED'],
      [401, 'RESIDENT_SESSION.NO_SIGN_IN_STARTED'],
    ]);
    for (const answer of answers) expect(answer.body.token).toBeUndefined();
  });

  it('refuses an ID token with another nonce than the one this browser\'s sign-in asked for', async () => {
    const { authorizationUrl, cookie } = await begin();
    const tampered = new URL(authorizationUrl);
    tampered.searchParams.set('nonce', 'nonce-of-an-attacker-0123456789abcdef');
    const answer = await finish(await signInAtProvider(tampered.href, 'inwoner-1', FRONT_END_RETURN), cookie);
    expect([answer.status, answer.body.code]).toEqual([401, 'RESIDENT_SESSION.TOKEN_REJECTED']);
  });

  it('refuses an answer of another issuer: the staff provider\'s (mix-up, with and without its iss) ', async () => {
    for (const keepIss of [true, false]) {
      const { authorizationUrl, cookie } = await begin();
      const atStaff = new URL(authorizationUrl);
      atStaff.host = new URL(staff.issuer).host;
      const returned = await signInAtProvider(atStaff.href, 'medewerker-1', FRONT_END_RETURN);
      expect(returned.searchParams.get('iss')).toBe(staff.issuer);
      if (!keepIss) returned.searchParams.delete('iss');
      const answer = await finish(returned, cookie);
      expect([answer.status, answer.body.code]).toEqual([401, 'RESIDENT_SESSION.TOKEN_REJECTED']);
    }
  });

  it('refuses a code issued to another client (audience) of the same provider', async () => {
    const { authorizationUrl, cookie } = await begin();
    const forOther = new URL(authorizationUrl);
    forOther.searchParams.set('client_id', OTHER_CLIENT.client_id);
    const answer = await finish(await signInAtProvider(forOther.href, 'inwoner-1', FRONT_END_RETURN), cookie);
    expect([answer.status, answer.body.code]).toEqual([401, 'RESIDENT_SESSION.TOKEN_REJECTED']);
  });

  it('says so when the resident cancels at the provider', async () => {
    const { authorizationUrl, cookie } = await begin();
    const returned = await signInAtProvider(authorizationUrl, 'inwoner-1', FRONT_END_RETURN, { abort: true });
    expect(returned.searchParams.get('error')).toBe('access_denied');
    const answer = await finish(returned, cookie);
    expect([answer.status, answer.body.code]).toEqual([401, 'RESIDENT_SESSION.PROVIDER_REFUSED']);
  });
});

describe('staff and residents are signed in apart', () => {
  const round = 'r-any';

  it('the staff provider\'s token is staff, never a resident: no resident role from it, no voter session', async () => {
    const admin = await idTokenOf(staff.issuer, STAFF_CLIENT, 'medewerker-1', 'openid staff');
    expect((await call('GET', `/budgets/${randomUUID()}`, { token: admin })).status).toBe(404);
    const asResident = await call('POST', `/rounds/${round}/resident-voter-sessions`, { token: admin });
    expect([asResident.status, asResident.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const claimsResident = await idTokenOf(staff.issuer, STAFF_CLIENT, 'stiekem-inwoner', 'openid staff');
    expect(decodeJwt(claimsResident).roles).toEqual(['resident']);
    expect((await call('POST', `/rounds/${round}/resident-voter-sessions`, { token: claimsResident })).status).toBe(401);
  });

  it('the residents\' provider\'s own ID token is no bearer token here; the app\'s resident token is no staff or voter token', async () => {
    const providerToken = await idTokenOf(residents.issuer, CLIENT, 'inwoner-1', 'openid profile wijk');
    expect((await call('POST', `/rounds/${round}/resident-voter-sessions`, { token: providerToken })).status).toBe(401);
    expect((await call('GET', `/budgets/${randomUUID()}`, { token: providerToken })).status).toBe(401);
    const resident = (await signIn('inwoner-1')).body.token as string;
    expect((await call('GET', `/budgets/${randomUUID()}`, { token: resident })).status).toBe(403);
    expect((await call('POST', `/rounds/${round}/ballots`, { token: resident, body: { type: 'approval', choices: ['p-park'] } })).status).toBe(403);
  });

  it('a voter token is no resident token', async () => {
    const roundId = await anOpenRound();
    const resident = (await signIn('inwoner-1')).body.token as string;
    const voter = (await call('POST', `/rounds/${roundId}/resident-voter-sessions`, { token: resident })).body.token as string;
    expect(decodeJwt(voter).iss).toBe(VOTER_ISSUER);
    expect((await call('POST', `/rounds/${roundId}/resident-voter-sessions`, { token: voter })).status).toBe(403);
  });
});

describe('a resident signed in by OIDC votes', () => {
  it('takes their place on the roll once and gets a voter token; the ballot endpoints work unchanged; a second session is the same participant', async () => {
    const roundId = await anOpenRound();
    const resident = (await signIn('inwoner-1')).body.token as string;
    const before = (await everything()).length;
    const session = await call('POST', `/rounds/${roundId}/resident-voter-sessions`, { token: resident });
    expect(session.status).toBe(201);
    expect(session.body).toEqual({ token: expect.any(String), expiresIn: 900, round: roundId, earlierSignIns: { count: 0, lastAt: null } });
    const added = (await everything()).slice(before);
    // The participant's stream only: nothing on the box (the roll's counts are its registrations); the sign-in is recorded there too.
    expect(added.map((e) => e.type)).toEqual(['ParticipantRegistered', 'VoterSignedIn']);
    const participantRef = decodeJwt(session.body.token as string).sub!;
    expect(added[0]!.streamName).toBe(`Participant-${roundId}_${participantRef}`);
    expect(added[0]!.data).toEqual({
      roundId,
      participantRef,
      rootRef: participantRef,
      area: 'WK036301',
      ageBand: '35-44',
      eligible: true,
      ineligibility: null,
      source: 'oidc',
      registeredAt: expect.any(String),
    });
    expect(added[1]!.streamName).toBe(`Participant-${roundId}_${participantRef}`);
    expect(added[1]!.data).toEqual({ roundId, participantRef, channel: 'oidc', signedInAt: expect.any(String) });
    expect(added.map((e) => e.metadata)).toEqual([expect.objectContaining({ actor: 'resident', role: 'resident', tenant: TENANT }), expect.objectContaining({ actor: 'voter', role: 'voter', tenant: TENANT })]);
    // Round-scoped: neither the resident pseudonym nor anything about the person is in an event.
    const pseudonym = decodeJwt(resident).sub!;
    expect(participantRef).not.toBe(pseudonym);
    expect(JSON.stringify((await everything()).map((e) => [e.streamName, e.data, e.metadata]))).not.toMatch(new RegExp(`${pseudonym}|inwoner-1|1990-05-01|Jan de Vries|999990019`));

    const cast = await call('POST', `/rounds/${roundId}/ballots`, { token: session.body.token as string, body: { type: 'approval', choices: ['p-park'] } });
    expect(cast.status).toBe(201);

    const afterCast = (await everything()).length;
    const secondResident = (await signIn('inwoner-1')).body.token as string;
    const second = await call('POST', `/rounds/${roundId}/resident-voter-sessions`, { token: secondResident });
    expect(second.status).toBe(201);
    expect(decodeJwt(second.body.token as string).sub).toBe(participantRef);
    // Not registered again; the second sign-in is recorded, and the resident is told of the first.
    expect(second.body.earlierSignIns).toEqual({ count: 1, lastAt: added[1]!.data.signedInAt });
    expect((await everything()).slice(afterCast).map((e) => e.type)).toEqual(['VoterSignedIn']);
    const again = await call('POST', `/rounds/${roundId}/ballots`, { token: second.body.token as string, body: { type: 'approval', choices: ['p-bench'] } });
    expect([again.status, again.body.code]).toEqual([409, 'BALLOT.ALREADY_CAST']);

    const otherRound = await anOpenRound();
    const elsewhere = await call('POST', `/rounds/${otherRound}/resident-voter-sessions`, { token: secondResident });
    expect(decodeJwt(elsewhere.body.token as string).sub).not.toBe(participantRef);
  });

  it('two first sessions at once give one participant', async () => {
    const roundId = await anOpenRound();
    const resident = (await signIn('inwoner-2')).body.token as string;
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('POST', `/rounds/${roundId}/resident-voter-sessions`, { token: resident })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => decodeJwt(a.body.token as string).sub)).size).toBe(1);
    expect((await everything()).filter((e) => e.type === 'ParticipantRegistered' && e.data.roundId === roundId)).toHaveLength(1);
  });

  it('refuses, each with its own code and appending nothing: too young, no area, another area, voting closed, another municipality, no such round', async () => {
    const roundId = await anOpenRound();
    const closed = await anOpenRound(['open', 'closed']);
    const prepared = await anOpenRound([]);
    const residentTokens = await ResidentTokens.fromConfig(config);
    const foreign = await residentTokens.issue({ pseudonym: 'f'.repeat(64), tenant: 'GM0014', area: 'WK036301', ageBand: '35-44' });
    const tokenOf = async (account: string) => (await signIn(account)).body.token as string;
    const cases: [string, string, string][] = [
      [roundId, await tokenOf('te-jong'), '403 RESIDENT_VOTER_SESSION.NOT_ELIGIBLE'],
      [roundId, await tokenOf('zonder-wijk'), '403 RESIDENT_VOTER_SESSION.AREA_UNKNOWN'],
      [roundId, await tokenOf('andere-wijk'), '403 RESIDENT_VOTER_SESSION.NOT_ELIGIBLE'],
      [closed, await tokenOf('inwoner-1'), '409 BALLOT.VOTING_CLOSED'],
      [prepared, await tokenOf('inwoner-1'), '409 BALLOT.VOTING_CLOSED'],
      [roundId, foreign, '404 BALLOTBOX.NOT_FOUND'],
      [randomUUID(), await tokenOf('inwoner-1'), '404 BALLOTBOX.NOT_FOUND'],
    ];
    const before = (await everything()).length;
    const answers = [];
    for (const [round, token] of cases) {
      const answer = await call('POST', `/rounds/${round}/resident-voter-sessions`, { token });
      answers.push(`${answer.status} ${String(answer.body.code)}`);
    }
    expect(answers).toEqual(cases.map(([, , expected]) => expected));
    expect((await everything()).length).toBe(before);
  });
});

describe('other configurations', () => {
  /** A second api beside the first, with its own settings for the residents' provider. */
  async function anotherApi(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
    const dir = await mkdtemp(join(tmpdir(), 'resident-sign-in-other-'));
    const other = await createApiApp({ config: loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', ...env }), eventStore: new InMemoryEventStore(), quiet: true });
    await other.listen(0, '127.0.0.1');
    return {
      url: `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`,
      close: async () => {
        await other.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const residentsAt = (issuer: string, clientId: string) => ({
    RESIDENT_AUTH_ISSUER: issuer,
    RESIDENT_AUTH_CLIENT_ID: clientId,
    RESIDENT_AUTH_REDIRECT_URI: FRONT_END_RETURN,
    RESIDENT_AUTH_TENANT: 'GM0014',
    RESIDENT_AUTH_SCOPES: 'openid profile',
  });

  it('a public client (no secret) signs residents in with PKCE alone; the pseudonym key of embedded mode is the data directory\'s', async () => {
    const other = await anotherApi(residentsAt(residents.issuer, PUBLIC_CLIENT.client_id));
    try {
      const started = await fetch(`${other.url}/resident-sessions/oidc`, { redirect: 'manual' });
      const cookie = started.headers.getSetCookie()[0]!.split(';')[0]!;
      const returned = await signInAtProvider(started.headers.get('location')!, 'inwoner-1', FRONT_END_RETURN);
      const answer = await fetch(`${other.url}/resident-sessions/oidc/callback${returned.search}`, { headers: { cookie } });
      const body = (await answer.json()) as Record<string, unknown>;
      expect([answer.status, body.tenant, body.area, body.ageBand]).toEqual([200, 'GM0014', null, '35-44']);
      const sub = decodeJwt(body.token as string).sub;
      expect(sub).toMatch(/^[0-9a-f]{64}$/);
      expect(sub).not.toBe(residentPseudonym(Buffer.from(PSEUDONYM_KEY), 'GM0014', residents.issuer, 'inwoner-1'));
    } finally {
      await other.close();
    }
  });

  it('says so when the residents\' provider cannot be reached, and when there is none', async () => {
    const unreachable = await anotherApi(residentsAt('http://127.0.0.1:9', CLIENT.client_id));
    const none = await anotherApi({});
    try {
      const refused = (await (await fetch(`${unreachable.url}/resident-sessions/oidc`, { redirect: 'manual' })).json()) as Record<string, unknown>;
      expect([refused.status, refused.code]).toEqual([503, 'RESIDENT_SESSION.PROVIDER_UNAVAILABLE']);
      const absent = (await (await fetch(`${none.url}/resident-sessions/oidc`, { redirect: 'manual' })).json()) as Record<string, unknown>;
      expect([absent.status, absent.code]).toEqual([404, 'RESIDENT_SESSION.NOT_CONFIGURED']);
    } finally {
      await unreachable.close();
      await none.close();
    }
  });
});

describe('the rate limit on sign-in', () => {
  it('answers 429 RESIDENT_SESSION.RATE_LIMITED after 30 requests a minute from one address, start and return alike; other addresses go on', async () => {
    const address = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await call('GET', '/resident-sessions/oidc', { address })).status);
    for (let i = 0; i < 10; i++) statuses.push((await call('GET', '/resident-sessions/oidc/callback?code=x&state=y', { address })).status);
    expect(statuses).toEqual([...Array<number>(20).fill(302), ...Array<number>(10).fill(401)]);
    const limited = await call('GET', '/resident-sessions/oidc/callback?code=x&state=y', { address });
    expect([limited.status, limited.body.code, limited.headers.get('content-type')]).toEqual([429, 'RESIDENT_SESSION.RATE_LIMITED', 'application/problem+json; charset=utf-8']);
    expect((await call('GET', '/resident-sessions/oidc', { address: '203.0.113.8' })).status).toBe(302);
  });
});
