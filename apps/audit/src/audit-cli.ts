import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import type { EventStore } from '@lib/event-store';
import type { ReadModelDatabase } from '@lib/projections';
import {
  type AuditDomain,
  AsOfError,
  certificateFingerprint,
  checkPublishedSeal,
  currentSeal,
  history,
  isStoreChainBreak,
  parseAsOf,
  recordMarkdown,
  recordPdf,
  recountRound,
  RecountUnavailableError,
  normaliseFingerprint,
  type RecordSignatureReport,
  type RecordSigner,
  roundRecord,
  sealVerificationInstructions,
  stateAsOf,
  type RecountReport,
  type SealExpectation,
  type StreamStateAsOf,
  type VerifyReport,
  verifyRecordPdf,
  verifyStore,
} from '@lib/audit';
import { loadAuditDomain } from './audit-domain.js';

export const USAGE = `Usage: npm run --silent audit -- VERB [options]

Reads only the event store named by the configuration (DATABASE_URL, EVENTSTORE_URL, or the
embedded database in DATA_DIR); only rebuild writes, and only the read models. Add --json for
machine-readable output (then stdout carries nothing else; progress bars go to stderr on a TTY).

Verbs:
  verify [--round ID]          verify every hash chain and seal (of one round, or the whole store);
                               exits 1 and names the stream, revision and event that broke
  verify --round ID --expect-seal DIGEST
                               also check a digest the council published: one of the round's seals
                               must carry it and the store must still recompute it
  verify --expect-head DIGEST  also check a head of the store-wide chain published outside the store
                               (on the public page, in the proces-verbaal): a link that recomputes
                               must carry it, so a store rewritten chain and all is caught
  seal --round ID              the round's current seal and how to check it
  history --round ID           the round's decisions in order: when, who, what, why, decision references
  state --as-of TIME|POSITION (--round ID | --plan ID | --budget ID | --stream NAME)
                               a stream folded with its decider up to an ISO time or a position
                               (COMMIT/PREPARE, as history prints it)
  recount --round ID           recount the ballot events with the frozen rule and compare with the
                               published (or corrected) result plan by plan; exits 1 on a difference
  report --round ID [--out DIR] [--lang nl|en]
                               write the round's proces-verbaal as Markdown and PDF (default DIR: .),
                               in Dutch (the official record) or in English (proces-verbaal-ID.en.*);
                               the PDF is signed with the key in RECORD_SIGNING_P12, else written
                               unsigned and says so (refused with NODE_ENV=production)
  verify-pdf FILE (--certificate PEM | --fingerprint SHA256) [--round ID]
                               check a signed proces-verbaal: the signature covers the whole file,
                               nothing changed since, and it was made with this certificate; exits 1
                               when altered, signed by another key, or not signed (needs no store).
                               With --round: also the seal and store-wide head the record names,
                               against the store (as verify --expect-seal --expect-head)
  rebuild [--projection NAME]  rebuild the read models (all, or one) from the event store
  help                         this text

Exit codes: 0 all checks pass; 1 a check failed (broken chain or seal, recount differs, digest
differs); 2 nothing to check (no such round, stream, result or ballot box); 64 usage error;
75 a projection is busy (stop the projector first); 78 invalid configuration (the signing key).
`;

export interface AuditRun {
  argv: string[];
  store: EventStore | null;
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Show progress bars (default: when stderr is a terminal and not --json). */
  progress?: boolean;
  /** Opens the read-model database (rebuild only). */
  readModels?: () => Promise<ReadModelDatabase>;
  /** The domain logic the audit folds and counts with (default: @lib/budgeting's and @lib/voting's, loaded on first use). */
  domain?: () => Promise<AuditDomain>;
  now?: () => Date;
  /** Signs the PDF record (the municipality's key from RECORD_SIGNING_P12); without it the PDF is written unsigned. */
  signer?: RecordSigner | null;
  /** Refuse to write an unsigned PDF record (NODE_ENV=production without a signing key). */
  refuseUnsigned?: boolean;
}

const USAGE_ERROR = 64;
const NOTHING_TO_CHECK = 2;
const BUSY = 75;
const CONFIG = 78;

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  round: { type: 'string' },
  plan: { type: 'string' },
  budget: { type: 'string' },
  stream: { type: 'string' },
  'as-of': { type: 'string' },
  'expect-seal': { type: 'string' },
  'expect-head': { type: 'string' },
  certificate: { type: 'string' },
  fingerprint: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  projection: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const parseAuditArgs = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });

/** What every verb works with: the store, the options, and the ways to print and show progress. */
interface VerbContext {
  run: AuditRun;
  store: EventStore;
  positionals: string[];
  values: ReturnType<typeof parseAuditArgs>['values'];
  err: (text: string) => void;
  print: (value: unknown, text: () => string) => void;
  needRound: (what: string) => string;
  progress: (task: string) => (events: number) => void;
  bar: SingleBar | null;
  /** The domain logic, loaded once on first use. */
  domain: () => Promise<AuditDomain>;
}

const VERBS: Record<string, (context: VerbContext) => Promise<number>> = {
  verify: verifyVerb,
  seal: sealVerb,
  history: historyVerb,
  state: stateVerb,
  recount: recountVerb,
  report: reportVerb,
  'verify-pdf': verifyPdfVerb,
  rebuild: rebuildVerb,
};

/** Verbs that read no event store (`main` opens none for them); verify-pdf does with --round. */
export const STORELESS_VERBS: ReadonlySet<string> = new Set(['help', 'verify-pdf']);

/** Runs one audit verb; resolves to the process exit code. */
export async function runAudit(run: AuditRun): Promise<number> {
  const out = run.out ?? ((text: string) => process.stdout.write(text));
  const err = run.err ?? ((text: string) => process.stderr.write(text));
  let parsed;
  try {
    parsed = parseAuditArgs(run.argv);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  const { values, positionals } = parsed;
  const verb = positionals[0] ?? 'help';
  const json = values.json === true;
  const showProgress = run.progress ?? (process.stderr.isTTY === true && !json);
  if (verb === 'help' || values.help) {
    out(USAGE);
    return 0;
  }
  const store = run.store;
  if (!store && !STORELESS_VERBS.has(verb)) throw new Error('no event store');
  const print = (value: unknown, text: () => string) => out(json ? `${JSON.stringify(value, jsonBigInt)}\n` : text());
  const needRound = (what: string): string => {
    if (!values.round) throw new UsageError(`${what} needs --round ID`);
    return values.round;
  };

  const bar = showProgress ? new SingleBar({ format: '{task} {value} events read', stream: process.stderr, clearOnComplete: true }) : null;
  const progress = (task: string) => {
    bar?.stop();
    bar?.start(0, 0, { task });
    return (events: number) => bar?.update(events, { task });
  };
  try {
    const runVerb = Object.hasOwn(VERBS, verb) ? VERBS[verb]! : null;
    if (!runVerb) throw new UsageError(`Unknown verb: ${verb}`);
    let loaded: Promise<AuditDomain> | undefined;
    const domain = () => (loaded ??= (run.domain ?? loadAuditDomain)());
    return await runVerb({ run, store: store!, positionals: positionals.slice(1), values, err, print, needRound, progress, bar, domain });
  } catch (error) {
    bar?.stop();
    if (error instanceof UsageError || error instanceof AsOfError) {
      err(`${error.message}\n\n${USAGE}`);
      return USAGE_ERROR;
    }
    if (error instanceof RecountUnavailableError) {
      err(`${error.message}\n`);
      return NOTHING_TO_CHECK;
    }
    throw error;
  } finally {
    bar?.stop();
  }
}

/** `verify`: every hash chain and seal, and a published digest when given. */
async function verifyVerb({ store, values, print, progress, bar }: VerbContext): Promise<number> {
  if (values['expect-seal'] !== undefined && !values.round) throw new UsageError('--expect-seal needs --round ID');
  const report = await verifyStore(store, { roundId: values.round, expectHead: values['expect-head'], onProgress: progress('verifying') });
  const expectation = values['expect-seal'] !== undefined ? await checkPublishedSeal(store, values.round!, values['expect-seal'], { onProgress: progress('recomputing the seal') }) : null;
  bar?.stop();
  const ok = report.ok && (expectation?.ok ?? true);
  print(expectation ? { ...report, ok, chainsOk: report.ok, expectedSeal: expectation } : report, () => formatVerify(report, values.round) + (expectation ? formatExpectation(expectation) : ''));
  return ok ? 0 : 1;
}

/** `seal`: the round's current seal and how to check it. */
async function sealVerb({ store, err, print, needRound }: VerbContext): Promise<number> {
  const roundId = needRound('seal');
  const seal = await currentSeal(store, roundId);
  if (!seal) {
    err(`Round ${roundId} has no seal yet\n`);
    return NOTHING_TO_CHECK;
  }
  print({ ...seal, instructions: sealVerificationInstructions(roundId, seal) }, () => sealVerificationInstructions(roundId, seal));
  return 0;
}

/** `history`: the round's decisions in order. */
async function historyVerb({ store, err, print, needRound, progress, bar }: VerbContext): Promise<number> {
  const roundId = needRound('history');
  const entries = await history(store, roundId, { onProgress: progress('reading') });
  bar?.stop();
  if (entries.length === 0) {
    err(`No events for round ${roundId}\n`);
    return NOTHING_TO_CHECK;
  }
  print(entries, () =>
    entries.map((e) => `${e.at}  ${e.position}  ${e.actor} (${e.role})  ${e.type}  ${e.streamName}@${e.revision}${e.decisionReference ? `  [${e.decisionReference}]` : ''}${e.reason ? `  — ${e.reason}` : ''}\n`).join(''),
  );
  return 0;
}

/** `state`: a stream folded up to a time or position. */
async function stateVerb({ store, values, err, print, domain }: VerbContext): Promise<number> {
  if (!values['as-of']) throw new UsageError('state needs --as-of TIME|POSITION');
  const targets = [
    values.round && `Round-${values.round}`,
    values.plan && `Proposal-${values.plan}`,
    values.budget && `Budget-${values.budget}`,
    values.stream,
  ].filter((t): t is string => typeof t === 'string' && t !== '');
  if (targets.length !== 1) throw new UsageError('state needs exactly one of --round ID, --plan ID, --budget ID, --stream NAME');
  const asOf = parseAsOf(values['as-of']);
  const state = await stateAsOf(store, targets[0]!, asOf, await domain());
  if (state.totalEvents === 0) {
    err(`No stream ${targets[0]}\n`);
    return NOTHING_TO_CHECK;
  }
  print(state, () => formatState(state));
  return 0;
}

/** `recount`: the ballots recounted with the frozen rule, compared with the published result. */
async function recountVerb({ store, err, print, needRound, domain }: VerbContext): Promise<number> {
  const roundId = needRound('recount');
  const report = await recountRound(store, roundId, await domain());
  print(report, () => formatRecount(report));
  if (report.published === null) {
    err(`Round ${roundId} has no published result (no ResultPublished on Round-${roundId}) to compare the recount with\n`);
    return NOTHING_TO_CHECK;
  }
  return report.match ? 0 : 1;
}

/** `report`: the round's proces-verbaal as Markdown and PDF. */
async function reportVerb({ run, store, values, err, print, needRound, progress, bar, domain }: VerbContext): Promise<number> {
  const roundId = needRound('report');
  const lang = values.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang is nl or en, not ${lang}`);
  const signer = run.signer ?? null;
  if (!signer && run.refuseUnsigned) {
    err('RECORD_SIGNING_P12: required for report when NODE_ENV=production (the proces-verbaal is signed with the municipality\'s key)\n');
    return CONFIG;
  }
  const now = (run.now ?? (() => new Date()))();
  const record = await roundRecord(store, roundId, await domain(), { now, onProgress: progress('reading'), signedBy: signer?.certificate ?? null });
  bar?.stop();
  if (record.history.length === 0 && record.frame === null) {
    err(`No events for round ${roundId}\n`);
    return NOTHING_TO_CHECK;
  }
  const dir = resolve(values.out ?? '.');
  await mkdir(dir, { recursive: true });
  const suffix = lang === 'nl' ? '' : `.${lang}`;
  const markdown = join(dir, `proces-verbaal-${roundId}${suffix}.md`);
  const pdf = join(dir, `proces-verbaal-${roundId}${suffix}.pdf`);
  await writeFile(markdown, recordMarkdown(record, lang));
  const unsigned = await recordPdf(record, lang);
  await writeFile(pdf, signer ? await signer.sign(unsigned, { at: now, reason: lang === 'nl' ? `Proces-verbaal ronde ${roundId}` : `Official record, round ${roundId}`, location: record.tenant ?? undefined }) : unsigned);
  const ok = record.verification.ok && (record.recount === null || record.recount.published === null || record.recount.match);
  const signed = signer ? { subject: signer.certificate.subject, fingerprint256: signer.certificate.fingerprint256 } : null;
  print({ markdown, pdf, ok, verified: record.verification.ok, recountMatches: record.recount?.match ?? null, seals: record.seals.length, signed }, () =>
    `Wrote ${markdown}\nWrote ${pdf} (${signed ? `signed by ${signed.subject}, SHA-256 ${signed.fingerprint256}` : 'NOT signed: no RECORD_SIGNING_P12'})\n${ok ? '' : 'WARNING: the record reports a broken chain or seal, or a recount that differs\n'}`,
  );
  return ok ? 0 : 1;
}

/** `verify-pdf`: the signature of a PDF record, against the municipality's certificate or its fingerprint. */
async function verifyPdfVerb({ store, values, positionals, err, print, progress, bar }: VerbContext): Promise<number> {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('verify-pdf needs one FILE');
  if ((values.certificate === undefined) === (values.fingerprint === undefined)) throw new UsageError('verify-pdf needs --certificate PEM or --fingerprint SHA256 (one of them)');
  let fingerprint = values.fingerprint;
  if (fingerprint !== undefined) {
    try {
      fingerprint = normaliseFingerprint(fingerprint);
    } catch (error) {
      throw new UsageError(`--fingerprint: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (values.certificate !== undefined) {
    try {
      fingerprint = certificateFingerprint(await readFile(values.certificate)).fingerprint256;
    } catch (error) {
      if (isNotFound(error)) {
        err(`No certificate file ${values.certificate}\n`);
        return NOTHING_TO_CHECK;
      }
      throw new UsageError(`--certificate ${values.certificate} is not a PEM (or DER) X.509 certificate`);
    }
  }
  let pdf: Buffer;
  try {
    pdf = await readFile(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    err(`No file ${file}\n`);
    return NOTHING_TO_CHECK;
  }
  const report = await verifyRecordPdf(pdf, { fingerprint: fingerprint! });
  if (values.round === undefined || !report.ok) {
    print({ file, ...report }, () => formatSignature(file, report));
    return report.ok ? 0 : 1;
  }
  // --round: the seal the (validly signed) record names, against the store.
  if (!store) throw new Error('no event store');
  const seal = report.seal;
  if (!seal) {
    print({ file, ...report, storeCheck: null }, () => formatSignature(file, report));
    err(`${file} names no seal of a round (a record written before its round was sealed, or by an older version)\n`);
    return NOTHING_TO_CHECK;
  }
  if (seal.roundId !== values.round) {
    const problem = `the record is about round ${seal.roundId}, not ${values.round}`;
    print({ file, ...report, ok: false, storeCheck: { ok: false, problem } }, () => `${formatSignature(file, report)}SEAL DIFFERS: ${problem}\n`);
    return 1;
  }
  const expectation = await checkPublishedSeal(store, seal.roundId, seal.digest, { onProgress: progress('recomputing the seal') });
  const verified = await verifyStore(store, { roundId: seal.roundId, ...(seal.head ? { expectHead: seal.head } : {}), onProgress: progress('verifying') });
  bar?.stop();
  const ok = expectation.ok && verified.ok;
  print({ file, ...report, ok, storeCheck: { ok, expectedSeal: expectation, verify: verified } }, () => `${formatSignature(file, report)}${formatExpectation(expectation)}${formatVerify(verified, seal.roundId)}`);
  return ok ? 0 : 1;
}

const isNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

/** `rebuild`: the read models rebuilt from the event store. */
async function rebuildVerb({ run, store, values, err, print, progress, bar }: VerbContext): Promise<number> {
  if (!run.readModels) throw new UsageError('rebuild needs the read-model database');
  const { ALL_PROJECTIONS, rebuild, ProjectionBusyError } = await import('@lib/projections');
  const projections = values.projection ? ALL_PROJECTIONS.filter((p) => p.name === values.projection) : ALL_PROJECTIONS;
  if (projections.length === 0) throw new UsageError(`No projection ${values.projection}; the projections are: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  const db = await run.readModels();
  try {
    const onProgress = progress('rebuilding');
    const result = await rebuild({ store, db, projections, onProgress: ({ events }) => onProgress(events) });
    bar?.stop();
    const names = projections.map((p) => p.name);
    print({ projections: names, ...result }, () => `Rebuilt ${names.join(', ')} from ${result.events} events in ${result.seconds.toFixed(1)} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof ProjectionBusyError) {
      bar?.stop();
      err(`${error.message}\n`);
      return BUSY;
    }
    throw error;
  } finally {
    await db.close();
  }
}

function jsonBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function formatVerify(report: VerifyReport, roundId?: string): string {
  const scope = roundId ? `round ${roundId}` : 'the whole store';
  const c = report.storeChain;
  const chain = c.head
    ? `store-wide chain: ${c.links} link(s) over ${c.covered} events, head ${c.head.digest} up to ${c.head.upTo}${c.unchained > 0 ? `; ${c.unchained} later event(s) not chained yet` : ''}\n`
    : `store-wide chain: no link yet${c.unchained > 0 ? ` (${c.unchained} event(s) not chained yet)` : ''}\n`;
  if (report.ok) return `OK: ${scope}: ${report.events} events in ${report.streams} streams, ${report.seals} seals verified\n${chain}`;
  const lines = report.breaks.map((b) =>
    isStoreChainBreak(b)
      ? `BROKEN: ${b.streamName}${b.revision !== undefined ? ` revision ${b.revision}` : ''} at position ${b.position}${b.link !== undefined ? ` (store-wide chain link ${b.link})` : ''}: ${b.problem}; expected ${b.expected}, found ${b.actual}\n`
      : `BROKEN: ${b.streamName} revision ${b.revision} (event ${b.eventId}): ${b.problem}; expected ${b.expected}, found ${b.actual}\n`,
  );
  return `${lines.join('')}FAILED: ${scope}: ${report.breaks.length} break(s) in ${report.events} events, ${report.streams} streams\n${chain}`;
}

function formatExpectation(e: SealExpectation): string {
  if (!e.ok) return `SEAL DIFFERS: the published digest ${e.expected}: ${e.problem}\n`;
  const seal = e.matched!;
  return `SEAL OK: the published digest ${e.expected} is the round's ${e.latest ? 'latest' : 'earlier'} seal (${seal.sealedAt}, Round-${seal.roundId}@${seal.revision}, up to ${seal.upTo}) and recomputes from the store\n${
    e.latest ? '' : `NOTE: a later seal exists: ${e.latestSeal!.digest} (${e.latestSeal!.sealedAt})\n`
  }`;
}

function formatSignature(file: string, r: RecordSignatureReport): string {
  const signer = r.signer ? `${r.signer.subject} (SHA-256 ${r.signer.fingerprint256})` : 'unknown';
  const when = r.signingTime ? `, signed at ${r.signingTime}` : '';
  switch (r.outcome) {
    case 'valid':
      return `VALID: ${file} is signed by ${signer}${when}; the signature covers the whole file and nothing changed since\n`;
    case 'altered':
      return `ALTERED: ${file}: ${r.problem}\n`;
    case 'other-signer':
      return `OTHER SIGNER: ${file} is signed by ${signer}${when}, not by the certificate expected (SHA-256 ${r.expectedFingerprint})\n`;
    case 'not-signed':
      return `NOT SIGNED: ${file}: ${r.problem}\n`;
  }
}

function formatState(s: StreamStateAsOf): string {
  const head = s.revision === null ? `${s.streamName} as of ${s.asOf}: did not exist yet (its first event is later)\n` : `${s.streamName} as of ${s.asOf}: revision ${s.revision} (${s.events} of ${s.totalEvents} events)\n`;
  const last = s.lastEvent ? `last event: ${s.lastEvent.type} at ${s.lastEvent.at} (position ${s.lastEvent.position})${s.lastEvent.actor ? ` by ${s.lastEvent.actor}` : ''}${s.lastEvent.reason ? ` — ${s.lastEvent.reason}` : ''}\n` : '';
  const body = s.folded ? `${JSON.stringify(s.state, jsonBigInt, 2)}\n` : `(no decider for this stream; its events: ${s.eventTypes.join(', ')})\n`;
  return head + last + body;
}

function formatRecount(r: RecountReport): string {
  const head = `Recount of round ${r.roundId}: ${r.ballots} ballots, rule ${r.rule}, tie-break ${[...r.tieBreak, 'project-id'].join(' > ')}, frame version ${r.frameVersion}`;
  const reserve = r.recount.reserveUsed !== undefined ? `, ${r.recount.reserveUsed} of it paid from the reserve beside the budget` : '';
  const recounted = `Recounted winners: ${r.recount.winners.join(', ') || '(none)'} (cost ${r.recount.cost} of ${r.recount.budget} ${r.recount.currency}${reserve})`;
  const published = r.published;
  if (!published) return `${head}\n${recounted}\nNO PUBLISHED RESULT to compare with\n`;
  const source = published.type === 'ResultCorrected' ? `the corrected result (correction ${published.correction}, ${published.at}${published.reason ? `: ${published.reason}` : ''})` : `the published result (${published.at})`;
  const lines = [head, recounted];
  lines.push(`Compared with ${source}: winners ${published.winners.map((w) => w.proposalId).join(', ') || '(none)'}`);
  for (const plan of r.plans.filter((p) => p.differences.length > 0)) lines.push(`DIFFERS: plan ${plan.planId}${plan.name ? ` (${plan.name})` : ''}: ${plan.differences.join('; ')}`);
  lines.push(r.match ? `MATCH: all ${r.plans.length} plans agree` : `MISMATCH: ${r.mismatched.length} plan(s) differ: ${r.mismatched.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
