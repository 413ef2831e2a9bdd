import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the apps read, from the environment only. `.env.example` lists the same names;
 * a test keeps the two and the compose file in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Embedded mode keeps PGlite and the development signing key here. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /**
   * Where the per-round keys that turn voting codes into pseudonyms are kept, apart from the event
   * database: a directory only this app's user can read (a volume or a secret mount, shared by
   * every process of the installation). Empty: `<DATA_DIR>/round-keys`, except with
   * NODE_ENV=production, where it must be set. See docs/voting.md.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  ROUND_KEY_DIR?: string;

  get roundKeyDir(): string {
    return this.ROUND_KEY_DIR ?? join(this.DATA_DIR, 'round-keys');
  }

  /** Server mode: PostgreSQL for events (unless EVENTSTORE_URL) and read models. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL?: string;

  /** Production mode: events in EventStoreDB. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/.+/, { message: 'EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string' })
  EVENTSTORE_URL?: string;

  /** Upper bound on every event-store call, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  EVENTSTORE_DEADLINE_MS = 5000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Comma-separated origins allowed by CORS; empty: none. */
  @IsString()
  CORS_ORIGINS = '';

  /** OIDC issuer whose JWKS verifies bearer tokens; empty in embedded mode (a local key is used). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_JWKS_URL?: string;

  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE = 'inwonersbudget';

  /** Requests per minute per client address before 429; 0 turns the limit off. Generous by default. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_MINUTE = 6000;

  /**
   * Which proxies to believe about the client address (Express `trust proxy`): `false` (none: the
   * default, so no client can pick its own address in `X-Forwarded-For`), `loopback`, a hop count,
   * or comma-separated addresses/CIDRs of the load balancer.
   */
  @IsString()
  @Matches(/^(loopback|false|\d{1,2}|[0-9a-fA-F.:/,\s]+)$/, { message: 'TRUST_PROXY must be loopback, false, a hop count or comma-separated addresses' })
  TRUST_PROXY = 'false';

  /**
   * Bearer token Prometheus presents to scrape `/metrics` (`authorization.credentials` in its scrape
   * config). Empty: `/metrics` is open, except with NODE_ENV=production, where it is then off (404).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{24,512}$/, { message: 'METRICS_TOKEN must be 24 to 512 printable ASCII characters without spaces (openssl rand -hex 32)' })
  METRICS_TOKEN?: string;

  /**
   * The app's own key for voter tokens: PKCS#8 PEM of a P-256 key (`\n` escapes allowed).
   * Required with AUTH_JWKS_URL; embedded mode uses the key in DATA_DIR.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'VOTER_TOKEN_PRIVATE_KEY must be a PKCS#8 PEM private key (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256)' })
  VOTER_TOKEN_PRIVATE_KEY?: string;

  /**
   * Residents' sign-in: the OIDC issuer the municipality uses for residents (DigiD through a broker),
   * discovered from `/.well-known/openid-configuration`. Apart from the staff provider (AUTH_ISSUER).
   * Empty: residents sign in with a voting code only.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  RESIDENT_AUTH_ISSUER?: string;

  /** The api's client id at the residents' provider (the api is the relying party). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'RESIDENT_AUTH_CLIENT_ID must be printable ASCII without spaces' })
  RESIDENT_AUTH_CLIENT_ID?: string;

  /** Client secret (confidential client, `client_secret_basic`); empty: a public client, PKCE only. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16)
  RESIDENT_AUTH_CLIENT_SECRET?: string;

  /** Where the provider sends the browser back: the api's `/resident-sessions/oidc/callback` or the front end's page that forwards the query to it. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  RESIDENT_AUTH_REDIRECT_URI?: string;

  /** Scopes asked of the residents' provider (space-separated, `openid` included). */
  @IsString()
  @Matches(/(^|\s)openid(\s|$)/, { message: 'RESIDENT_AUTH_SCOPES must include openid' })
  RESIDENT_AUTH_SCOPES = 'openid';

  /** The municipality the residents' provider speaks for (CBS code): every resident it signs in belongs to it. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^GM\d{4}$/, { message: 'RESIDENT_AUTH_TENANT must be a CBS municipality code such as GM0363' })
  RESIDENT_AUTH_TENANT?: string;

  /** Claim (ID token or userinfo) with the resident's area code (wijk); empty: none, so frames limited to areas refuse them. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:.-]{1,100}$/, { message: 'RESIDENT_AUTH_AREA_CLAIM must be a claim name' })
  RESIDENT_AUTH_AREA_CLAIM?: string;

  /** Claim with the birth date (`YYYY-MM-DD`); only its age band is kept, at sign-in. Empty: no age band. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:.-]{1,100}$/, { message: 'RESIDENT_AUTH_BIRTHDATE_CLAIM must be a claim name' })
  RESIDENT_AUTH_BIRTHDATE_CLAIM?: string = 'birthdate';

  /** Age bands a birth date is reduced to (comma-separated, ascending, `a-b` then `c+`); split at every minimum age a frame may use. */
  @IsString()
  @Matches(/^(\d{1,3}-\d{1,3},)*\d{1,3}\+$/, { message: 'RESIDENT_AGE_BANDS must be like 0-11,12-15,16-17,18-64,65+' })
  RESIDENT_AGE_BANDS = '0-11,12-13,14-15,16-17,18-24,25-34,35-44,45-54,55-64,65-74,75+';

  /**
   * The secret that turns a resident's subject at the provider into the app's pseudonym
   * (HMAC-SHA-256 of municipality, issuer and subject). At least 32 characters; required outside
   * embedded mode (every instance must compute the same pseudonym). Embedded mode: a key made once in DATA_DIR.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'RESIDENT_PSEUDONYM_KEY must be at least 32 characters (openssl rand -base64 48)' })
  RESIDENT_PSEUDONYM_KEY?: string;

  /**
   * The municipality's key for the signed PDF proces-verbaal (`audit report`, and the api's
   * `GET /rounds/{roundId}/proces-verbaal`): the path of a PKCS#12 file (`.p12`/`.pfx`, private key
   * and certificate). Empty: the PDF is written unsigned and says so, except with NODE_ENV=production,
   * where `audit report` then refuses (exit 78) and the api answers 503 PROCES_VERBAAL.SIGNING_KEY_MISSING.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  RECORD_SIGNING_P12?: string;

  /** The passphrase of RECORD_SIGNING_P12 (empty: a file without passphrase). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  RECORD_SIGNING_PASSPHRASE?: string;

  /** The municipality's name, shown in the header of the residents' portal and the back office. */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  MUNICIPALITY_NAME = 'Gemeente';

  /** A municipality's own NL Design System theme for the front ends: a CSS file of design tokens under FRONT_END_THEME_CLASS; empty: the example theme. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FRONT_END_THEME_CSS?: string;

  /** The CSS class the theme's tokens are declared under (put on the page's body). */
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'FRONT_END_THEME_CLASS must be a CSS class name (lower case, digits, hyphens)' })
  FRONT_END_THEME_CLASS = 'voorbeeld-theme';

  /** The back office's client id at the staff provider (AUTH_ISSUER): a public client, authorization code with PKCE; empty: no staff sign-in button. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'BACKOFFICE_CLIENT_ID must be printable ASCII without spaces' })
  BACKOFFICE_CLIENT_ID?: string;

  /** Scopes the back office asks of the staff provider (space-separated, `openid` included). */
  @IsString()
  @Matches(/(^|\s)openid(\s|$)/, { message: 'BACKOFFICE_SCOPES must include openid' })
  BACKOFFICE_SCOPES = 'openid';

  /** Run the projections inside the api process (embedded mode does by default). */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1'))
  @IsOptional()
  PROJECTOR_IN_PROCESS?: boolean;

  /** Longest a command waits for the reactors that carry its effects into other streams (the ballot box, the budget, the seal; a grant onto its plan, a release onto its round, a merge onto the continuing plan) before it answers; 0: it does not wait. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  REACTOR_WAIT_MS = 5000;

  /** How often the round clock looks for phases the schedule opens or closes (ms); 0: the clock does not run in this process. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  ROUND_CLOCK_TICK_MS = 30000;

  /** Serve the OpenAPI page and document (`/docs`, `/docs-json`): `true` or `false`; empty: yes, except with NODE_ENV=production. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'API_DOCS must be true or false' })
  API_DOCS?: 'true' | 'false';

  get apiDocsServed(): boolean {
    return this.API_DOCS === undefined ? this.NODE_ENV !== 'production' : this.API_DOCS === 'true';
  }

  get mode(): 'embedded' | 'server' | 'production' {
    if (this.EVENTSTORE_URL) return 'production';
    if (this.DATABASE_URL) return 'server';
    return 'embedded';
  }
}

/** Names the problem in the configuration: which variable, what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables whose value is a secret: an error about one names it and its length, never its value (it ends in logs). */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['VOTER_TOKEN_PRIVATE_KEY', 'RESIDENT_AUTH_CLIENT_SECRET', 'RESIDENT_PSEUDONYM_KEY', 'METRICS_TOKEN', 'DATABASE_URL', 'EVENTSTORE_URL', 'RECORD_SIGNING_PASSPHRASE']);

const shownValue = (name: string, value: string | undefined): string =>
  value !== undefined && SECRET_VARIABLES.has(name) ? `(hidden, ${value.length} characters)` : JSON.stringify(value ?? null);

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat([
    'DATABASE_URL',
    'EVENTSTORE_URL',
    'AUTH_ISSUER',
    'AUTH_JWKS_URL',
    'VOTER_TOKEN_PRIVATE_KEY',
    'METRICS_TOKEN',
    'API_DOCS',
    'PROJECTOR_IN_PROCESS',
    'RESIDENT_AUTH_ISSUER',
    'RESIDENT_AUTH_CLIENT_ID',
    'RESIDENT_AUTH_CLIENT_SECRET',
    'RESIDENT_AUTH_REDIRECT_URI',
    'RESIDENT_AUTH_TENANT',
    'RESIDENT_AUTH_AREA_CLAIM',
    'RESIDENT_PSEUDONYM_KEY',
    'RECORD_SIGNING_P12',
    'RECORD_SIGNING_PASSPHRASE',
    'ROUND_KEY_DIR',
    'BACKOFFICE_CLIENT_ID',
    'FRONT_END_THEME_CSS',
  ]);
  const input: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined) input[key] = value;
  }
  const config = plainToInstance(AppConfig, input);
  const errors = validateSync(config, { forbidUnknownValues: true });
  const problems = errors.map((e) => `${e.property}=${shownValue(e.property, input[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (config.NODE_ENV === 'production' && !config.AUTH_JWKS_URL) {
    problems.push('AUTH_JWKS_URL: required when NODE_ENV=production (tokens must come from the municipality\'s identity provider)');
  }
  if (config.AUTH_JWKS_URL && !config.AUTH_ISSUER) problems.push('AUTH_ISSUER: required together with AUTH_JWKS_URL');
  if (config.AUTH_JWKS_URL && !config.VOTER_TOKEN_PRIVATE_KEY) problems.push('VOTER_TOKEN_PRIVATE_KEY: required together with AUTH_JWKS_URL (voters sign in with a code, and the app signs their tokens)');
  if (config.FRONT_END_THEME_CSS && !existsSync(config.FRONT_END_THEME_CSS)) problems.push(`FRONT_END_THEME_CSS: no such file: ${config.FRONT_END_THEME_CSS}`);
  if (config.BACKOFFICE_CLIENT_ID && !config.AUTH_ISSUER) problems.push('BACKOFFICE_CLIENT_ID: only together with AUTH_ISSUER (the staff provider the back office signs in at)');
  if (config.RECORD_SIGNING_PASSPHRASE && !config.RECORD_SIGNING_P12) problems.push('RECORD_SIGNING_PASSPHRASE: only together with RECORD_SIGNING_P12');
  if (config.NODE_ENV === 'production' && !config.ROUND_KEY_DIR) {
    problems.push('ROUND_KEY_DIR: required when NODE_ENV=production (the round keys are kept apart from the event database, on a volume of their own)');
  }
  problems.push(...residentAuthProblems(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The residents' provider is configured whole or not at all, apart from the staff provider, and never over plain http in production. */
function residentAuthProblems(config: AppConfig): string[] {
  const problems: string[] = [];
  // A malformed list is named by its own validator; only a well-formed one is checked for gaps.
  const bands = /^(\d{1,3}-\d{1,3},)*\d{1,3}\+$/.test(config.RESIDENT_AGE_BANDS) ? config.RESIDENT_AGE_BANDS.split(',') : [];
  let next = 0;
  for (const band of bands) {
    const from = Number(/^\d+/.exec(band)![0]);
    const to = band.endsWith('+') ? Number.POSITIVE_INFINITY : Number(band.split('-')[1]);
    if (from !== next || to < from) {
      problems.push(`RESIDENT_AGE_BANDS=${JSON.stringify(config.RESIDENT_AGE_BANDS)}: bands must start at 0 and follow each other without gap or overlap`);
      break;
    }
    next = to + 1;
  }
  if (!config.RESIDENT_AUTH_ISSUER) {
    for (const name of ['RESIDENT_AUTH_CLIENT_ID', 'RESIDENT_AUTH_CLIENT_SECRET', 'RESIDENT_AUTH_REDIRECT_URI', 'RESIDENT_AUTH_TENANT'] as const) {
      if (config[name]) problems.push(`${name}: only together with RESIDENT_AUTH_ISSUER`);
    }
    return problems;
  }
  for (const name of ['RESIDENT_AUTH_CLIENT_ID', 'RESIDENT_AUTH_REDIRECT_URI', 'RESIDENT_AUTH_TENANT'] as const) {
    if (!config[name]) problems.push(`${name}: required together with RESIDENT_AUTH_ISSUER`);
  }
  if (config.AUTH_ISSUER && URL.parse(config.AUTH_ISSUER)?.href === URL.parse(config.RESIDENT_AUTH_ISSUER)?.href) {
    problems.push('RESIDENT_AUTH_ISSUER: must not be the staff provider (AUTH_ISSUER); residents and staff are signed in apart');
  }
  if (config.NODE_ENV === 'production') {
    for (const name of ['RESIDENT_AUTH_ISSUER', 'RESIDENT_AUTH_REDIRECT_URI'] as const) {
      if (config[name]?.startsWith('http:')) problems.push(`${name}: must be https when NODE_ENV=production`);
    }
  }
  if (!config.RESIDENT_PSEUDONYM_KEY && (config.mode !== 'embedded' || config.NODE_ENV === 'production')) {
    problems.push('RESIDENT_PSEUDONYM_KEY: required together with RESIDENT_AUTH_ISSUER outside embedded mode (every instance must derive the same pseudonyms)');
  }
  return problems;
}

/** Exit code of a process refused for its configuration (sysexits EX_CONFIG). */
export const EXIT_CONFIG = 78;

/** For a process's start: the configuration, or a message naming each bad variable and exit 78. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(EXIT_CONFIG);
  }
}

/** Every variable the configuration reads (for .env.example and the compose-file test). */
export const CONFIG_VARIABLES: readonly string[] = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATA_DIR',
  'ROUND_KEY_DIR',
  'DATABASE_URL',
  'EVENTSTORE_URL',
  'EVENTSTORE_DEADLINE_MS',
  'LOG_LEVEL',
  'CORS_ORIGINS',
  'AUTH_ISSUER',
  'AUTH_JWKS_URL',
  'AUTH_AUDIENCE',
  'PROJECTOR_IN_PROCESS',
  'REACTOR_WAIT_MS',
  'ROUND_CLOCK_TICK_MS',
  'RATE_LIMIT_PER_MINUTE',
  'TRUST_PROXY',
  'METRICS_TOKEN',
  'API_DOCS',
  'VOTER_TOKEN_PRIVATE_KEY',
  'RESIDENT_AUTH_ISSUER',
  'RESIDENT_AUTH_CLIENT_ID',
  'RESIDENT_AUTH_CLIENT_SECRET',
  'RESIDENT_AUTH_REDIRECT_URI',
  'RESIDENT_AUTH_SCOPES',
  'RESIDENT_AUTH_TENANT',
  'RESIDENT_AUTH_AREA_CLAIM',
  'RESIDENT_AUTH_BIRTHDATE_CLAIM',
  'RESIDENT_AGE_BANDS',
  'RESIDENT_PSEUDONYM_KEY',
  'RECORD_SIGNING_P12',
  'RECORD_SIGNING_PASSPHRASE',
  'MUNICIPALITY_NAME',
  'BACKOFFICE_CLIENT_ID',
  'BACKOFFICE_SCOPES',
  'FRONT_END_THEME_CSS',
  'FRONT_END_THEME_CLASS',
];
