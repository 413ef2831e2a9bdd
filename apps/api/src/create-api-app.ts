import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { EventStore } from '@lib/event-store';
import { type AppConfig, type Clock, type Database, type IdGenerator, documentProblems, rateLimitMiddleware, refuseNulInText, refuseUnsafeJson, ResidentTokens, TokenVerifier, trustProxySetting, VoterTokens } from '@lib/platform';
import { signerOf } from '../../audit/src/record-signer.js';
import { ApiModule } from './api.module.js';
import { featureModules } from './features.js';
import { serveFrontEnds } from './front-ends/serve-front-ends.js';

export interface ApiAppOptions {
  config: AppConfig;
  eventStore: EventStore;
  /** The process's databases; closed when the app shuts down. */
  database?: Database;
  tokenVerifier?: TokenVerifier;
  clock?: Clock;
  ids?: IdGenerator;
  /** Modules served besides the feature modules (tests bind ports here). */
  modules?: NonNullable<DynamicModule['imports']>;
  /** Use Nest's plain logger (tests keep their output readable). */
  quiet?: boolean;
  /** Let Nest handle SIGTERM/SIGINT itself (default true); main.ts turns it off and drains requests first. */
  shutdownHooks?: boolean;
}

/** Builds the api application (not yet listening): used by main.ts and by the end-to-end tests. */
export async function createApiApp(options: ApiAppOptions): Promise<INestApplication> {
  const { config } = options;
  const voterTokens = await VoterTokens.fromConfig(config);
  const residentTokens = await ResidentTokens.fromConfig(config);
  // The municipality's key for the proces-verbaal, opened before the app is built: a key that cannot be used is a ConfigError here.
  const recordSigner = await signerOf(config);
  const tokenVerifier = (
    options.tokenVerifier ??
    (config.AUTH_JWKS_URL ? TokenVerifier.remote(config.AUTH_JWKS_URL, config.AUTH_ISSUER!, config.AUTH_AUDIENCE) : await TokenVerifier.local(config.DATA_DIR, config.AUTH_AUDIENCE))
  )
    .withVoterTokens(voterTokens)
    .withResidentTokens(residentTokens);
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot({ config, eventStore: options.eventStore, tokenVerifier, voterTokens, residentTokens, clock: options.clock, ids: options.ids, features: [...featureModules(recordSigner), ...(options.modules ?? [])] }),
    { bufferLogs: !options.quiet, logger: options.quiet ? ['error'] : undefined, bodyParser: false },
  );
  if (!options.quiet) app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  // The back office fetches the staff provider's discovery document and token endpoint from the browser.
  const staffProvider = config.AUTH_ISSUER && config.BACKOFFICE_CLIENT_ID ? [new URL(config.AUTH_ISSUER).origin] : [];
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'connect-src': ["'self'", ...staffProvider] } } }));
  app.use(rateLimitMiddleware(config.RATE_LIMIT_PER_MINUTE));
  serveFrontEnds(app, config);
  app.useBodyParser('json', { limit: '256kb', type: ['application/json', 'application/*+json'], reviver: refuseUnsafeJson });
  // Nest's type leaves out body-parser's `verify` (its rawBody option uses it); without rawBody it is passed on as is.
  app.useBodyParser('text', { limit: '20mb', type: ['text/csv', 'text/plain'], verify: refuseNulInText } as NestExpressBodyParserOptionsFor<'text'>);
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  app.enableCors({ origin: origins.length > 0 ? origins : false, exposedHeaders: ['ETag', 'Location', 'Retry-After', 'Reactions'] });
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  if (options.database) {
    const database = options.database;
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await database.close();
    };
  }

  const builder = new DocumentBuilder()
    .setTitle('inwonersbudget')
    .setDescription(
      'Residents\' budgets (burgerbegroting, wijkbudget, dorpsbudget, initiatievenfonds) for Dutch municipalities. ' +
        'Every change is an event; `ETag` is a stream\'s revision and `If-Match` pins it. Errors are RFC 9457 problem details with a stable `code`. ' +
        'Each operation names the roles that may call it (`x-roles`; `x-public` for those open to anyone).',
    )
    .setVersion('0.1.0')
    .addServer('/', 'This api, at the address that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  openToAnyone(document);
  documentProblems(document);
  describeOperations(document);
  // In production only when asked for (API_DOCS=true): the document is published with the source (openapi/openapi.json).
  if (config.apiDocsServed) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  return app;
}

/** The document's tags: every tag an operation uses is listed here with what it covers (the OpenAPI spec checks both ways). */
export const TAGS: Record<string, string> = {
  budgets: "The council's frame (`Budget-<id>`): establish it by decision, amend it into a new version, read it",
  'budget-templates': 'Ready-made frames (burgerbegroting per stadsdeel, initiatievenfonds, dorpsbudget) to establish a budget from',
  rounds: 'One edition under a budget (`Round-<id>`): plan it, move it through its phases, publish, correct and adopt its result, commit and release money',
  plans: 'Plans and applications (`Proposal-<id>`): submission, support, feasibility verdicts, admission, selection, the beschikking and implementation',
  objections: 'Bezwaar and beroep against a beschikking (Awb): the objection and its term, the hearing, the decision on it (a revised grant where it is gegrond), beroep at the court, and the letters',
  residents: "Residents' own side: sign-in by the municipality's provider for residents, their plans (submit, amend until the intake deadline), their support, their objection",
  voting: 'The ballot box of a round: voter roll, voting codes, voter sessions, ballots (online and paper batches) and the count',
  'read models': 'Read models in PostgreSQL (schema `read_model`) for dashboards and BI: overviews, results, turnout, the audit timeline, live updates',
  public: "The public results page of a round, open to anyone: plans, result with explanations, turnout (no interim counts unless the frame allows them)",
  privacy: "Erasure of a submitter's personal data (crypto-shredding): the key goes, the history stays intact",
  health: 'Liveness and readiness probes for the platform (open to anyone)',
};

/** Every operation says in its description, besides its summary, who may call it. */
function describeOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation || operation.description) continue;
      const roles = (operation as { 'x-roles'?: string[] })['x-roles'] ?? [];
      const who = (operation as { 'x-public'?: unknown })['x-public'] === true ? 'Open to anyone: no token.' : `Roles: ${roles.join(', ')}.`;
      operation.description = `${operation.summary ?? ''}${operation.summary ? '. ' : ''}${who}`;
    }
  }
}

/** Operations marked `@Public()` (`x-public`) need no token: their `security` is empty rather than unstated. */
function openToAnyone(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (operation && (operation as { 'x-public'?: unknown })['x-public'] === true) operation.security = [];
    }
  }
}
