import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import type { EventStore } from '@lib/event-store';
import { type VerifyReport, verifyStore } from '@lib/audit';
import { history } from '@lib/audit';

export const USAGE = `Usage: npm run --silent audit -- VERB [options]

Reads only the event store named by the configuration (DATABASE_URL, EVENTSTORE_URL, or the
embedded database in DATA_DIR). Add --json for machine-readable output.

Verbs:
  verify [--round ID]          verify every hash chain and seal (of one round, or the whole store);
                               exits 1 and names the stream, revision and event that broke
  history --round ID           the round's decisions in order: when, who, what, why, decision references
  help                         this text
`;

export interface AuditRun {
  argv: string[];
  store: EventStore | null;
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Show progress bars (default: when stderr is a terminal). */
  progress?: boolean;
}

/** Runs one audit verb; resolves to the process exit code. */
export async function runAudit(run: AuditRun): Promise<number> {
  const out = run.out ?? ((text: string) => process.stdout.write(text));
  const err = run.err ?? ((text: string) => process.stderr.write(text));
  const { values, positionals } = parseArgs({
    args: run.argv,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean', default: false }, round: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const verb = positionals[0] ?? 'help';
  const json = values.json === true;
  const showProgress = run.progress ?? (process.stderr.isTTY === true && !json);
  if (verb === 'help' || values.help) {
    out(USAGE);
    return 0;
  }
  const store = run.store;
  if (!store) throw new Error('no event store');

  const bar = showProgress ? new SingleBar({ format: '{task} {value} events read', stream: process.stderr, clearOnComplete: true }) : null;
  const progress = (task: string) => {
    bar?.start(0, 0, { task });
    return (events: number) => bar?.update(events, { task });
  };
  try {
    switch (verb) {
      case 'verify': {
        const report = await verifyStore(store, { roundId: values.round, onProgress: progress('verifying') });
        bar?.stop();
        out(json ? `${JSON.stringify(report, jsonBigInt)}\n` : formatVerify(report, values.round));
        return report.ok ? 0 : 1;
      }
      case 'history': {
        if (!values.round) {
          err('history needs --round ID\n');
          return 64;
        }
        const entries = await history(store, values.round, { onProgress: progress('reading') });
        bar?.stop();
        if (entries.length === 0) {
          err(`No events for round ${values.round}\n`);
          return 2;
        }
        out(json ? `${JSON.stringify(entries, jsonBigInt)}\n` : entries.map((e) => `${e.at}  ${e.actor} (${e.role})  ${e.type}  ${e.streamName}@${e.revision}${e.decisionReference ? `  [${e.decisionReference}]` : ''}${e.reason ? `  — ${e.reason}` : ''}\n`).join(''));
        return 0;
      }
      default:
        err(`Unknown verb: ${verb}\n\n${USAGE}`);
        return 64;
    }
  } finally {
    bar?.stop();
  }
}

function jsonBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

function formatVerify(report: VerifyReport, roundId?: string): string {
  const scope = roundId ? `round ${roundId}` : 'the whole store';
  if (report.ok) return `OK: ${scope}: ${report.events} events in ${report.streams} streams, ${report.seals} seals verified\n`;
  const lines = report.breaks.map((b) => `BROKEN: ${b.streamName} revision ${b.revision} (event ${b.eventId}): ${b.problem}; expected ${b.expected}, found ${b.actual}\n`);
  return `${lines.join('')}FAILED: ${scope}: ${report.breaks.length} break(s) in ${report.events} events, ${report.streams} streams\n`;
}
