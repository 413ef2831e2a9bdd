/**
 * Rebuild rate of every projection from a store of at least a million events, beside the raw
 * catch-up read rate of the same store in the same run. PostgreSQL at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test), in scratch schemas that are dropped afterwards.
 * Appends a "Projections" section to docs/benchmarks.md (replacing an earlier one).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPgPoolDriver, createSqlEventStore } from '@lib/event-store';
import { ALL_PROJECTIONS, openReadModels, rebuild } from '@lib/projections';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = 20;
const PLANS_PER_ROUND = Math.round(500 * SCALE);
const SUPPORTS_PER_PLAN = 20;
const VOTERS_PER_ROUND = Math.round(15_000 * SCALE);
const BALLOTS_PER_ROUND = Math.round(25_000 * SCALE);
const suffix = Date.now().toString(36);
const esSchema = `bench_es_${suffix}`;
const rmSchema = `bench_rm_${suffix}`;

const meta = (actor: string) => `jsonb_build_object('tenant', 'GM0363', 'actor', '${actor}', 'role', 'administrator', '$correlationId', gen_random_uuid()::text, 'at', '2026-05-01T10:00:00.000Z')`;

/** 1. Generate the events straight into the event store's table, in $all order (one statement, one transaction each). */
function generators(s: string): { what: string; sql: string }[] {
  const insert = (select: string) => `INSERT INTO ${s}.events (transaction_id, stream_id, revision, event_id, event_type, data, metadata) SELECT pg_current_xact_id(), * FROM (${select}) g`;
  return [
    {
      what: 'budgets and rounds',
      sql: insert(`SELECT 'Budget-b' || r, 0::bigint, gen_random_uuid(), 'BudgetEstablished', jsonb_build_object('budgetId', 'b' || r, 'version', 1,
          'frame', jsonb_build_object('form', 'burgerbegroting', 'title', 'Budget ' || r, 'amountKind', 'budget', 'amountCents', 100000000, 'areas', jsonb_build_array(jsonb_build_object('code', 'BU0363' || lpad(r::text, 4, '0'), 'name', 'Buurt ' || r, 'kind', 'buurt')),
            'allocation', jsonb_build_object('kind', 'none'), 'criteria', jsonb_build_array(jsonb_build_object('id', 'c-cost', 'text', 'Kosten', 'kind', 'maximum-amount')),
            'participation', jsonb_build_object('areaCodes', jsonb_build_array(), 'minimumAge', 12, 'participants', jsonb_build_array('residents'), 'excludedRoles', jsonb_build_array(), 'credential', 'postal-voting-code'),
            'ballot', jsonb_build_object('type', 'approval'), 'tally', jsonb_build_object('rule', 'greedy', 'tieBreak', jsonb_build_array('lowest-cost')), 'interimResultsPublic', false),
          'areaAmounts', jsonb_build_array(), 'decision', jsonb_build_object('body', 'council', 'number', 'RB-' || r, 'date', '2025-12-11'), 'template', null, 'establishedAt', '2026-01-15T10:00:00.000Z'), ${meta('staff-1')}
        FROM generate_series(1, ${ROUNDS}) r
        UNION ALL
        SELECT 'Round-r' || r, 0, gen_random_uuid(), 'RoundPlanned', jsonb_build_object('roundId', 'r' || r, 'budgetId', 'b' || r, 'title', 'Ronde ' || r, 'year', 2026, 'decidedBy', 'vote',
          'pipeline', jsonb_build_array('planned', 'submission', 'voting', 'counting', 'adoption', 'implementation', 'closed'), 'schedule', jsonb_build_array(), 'carryOver', jsonb_build_array(), 'intakeDates', jsonb_build_array(),
          'frame', jsonb_build_object('version', 1, 'form', 'burgerbegroting', 'ceilingCents', 100000000, 'areaCeilings', jsonb_build_array(), 'criteria', jsonb_build_array(), 'regime', null, 'intake', null, 'hasBallot', true, 'carryOverMaxYears', null),
          'plannedAt', '2026-02-01T09:00:00.000Z'), ${meta('staff-1')}
        FROM generate_series(1, ${ROUNDS}) r`),
    },
    {
      what: 'plans submitted',
      sql: insert(`SELECT 'Proposal-p' || r || '_' || p, 0::bigint, gen_random_uuid(), 'ProposalSubmitted', jsonb_build_object('proposalId', 'p' || r || '_' || p, 'roundId', 'r' || r, 'budgetId', 'b' || r, 'form', 'burgerbegroting',
          'areaId', 'BU0363' || lpad(r::text, 4, '0'), 'themeId', 'groen', 'submitterRef', md5(r || '_' || p), 'submitterStaffRef', null,
          'version', jsonb_build_object('number', 1, 'title', 'Plan ' || p, 'summary', 'Meer groen', 'costEstimate', jsonb_build_object('investmentCents', 100000 * (1 + p % 40), 'maintenancePerYearCents', 0, 'maintenanceYears', 0), 'at', '2026-03-05T12:00:00.000Z'),
          'publishedCriteria', jsonb_build_array('c-cost'), 'intake', jsonb_build_object('kind', 'round'), 'submittedAt', '2026-03-05T12:00:00.000Z'), ${meta('resident')}
        FROM generate_series(1, ${ROUNDS}) r, generate_series(1, ${PLANS_PER_ROUND}) p`),
    },
    {
      what: 'support',
      sql: insert(`SELECT 'Proposal-p' || r || '_' || p, k::bigint, gen_random_uuid(), 'ProposalSupported', jsonb_build_object('proposalId', 'p' || r || '_' || p, 'supporterRef', md5(r || '_' || p || '_' || k), 'supportCount', k, 'at', '2026-03-10T12:00:00.000Z'), ${meta('resident')}
        FROM generate_series(1, ${ROUNDS}) r, generate_series(1, ${PLANS_PER_ROUND}) p, generate_series(1, ${SUPPORTS_PER_PLAN}) k`),
    },
    {
      what: 'verdicts and admissions',
      sql: insert(`SELECT 'Proposal-p' || r || '_' || p, ${SUPPORTS_PER_PLAN + 1}::bigint, gen_random_uuid(), 'ProposalFeasibilityVerdictGiven', jsonb_build_object('proposalId', 'p' || r || '_' || p, 'criterionId', 'c-cost', 'outcome', CASE WHEN p % 5 = 0 THEN 'not_met' ELSE 'met' END, 'reason', 'Getoetst', 'reviewerRef', 'staff-reviewer', 'version', 1, 'at', '2026-04-01T12:00:00.000Z'), ${meta('staff-reviewer')}
        FROM generate_series(1, ${ROUNDS}) r, generate_series(1, ${PLANS_PER_ROUND}) p
        UNION ALL
        SELECT 'Proposal-p' || r || '_' || p, ${SUPPORTS_PER_PLAN + 2}::bigint, gen_random_uuid(), CASE WHEN p % 5 = 0 THEN 'ProposalRefusedForBallot' ELSE 'ProposalAdmittedToBallot' END, jsonb_build_object('proposalId', 'p' || r || '_' || p, 'version', 1, 'reason', 'Toetsing', 'at', '2026-04-10T12:00:00.000Z'), ${meta('staff-1')}
        FROM generate_series(1, ${ROUNDS}) r, generate_series(1, ${PLANS_PER_ROUND}) p`),
    },
    {
      what: 'ballot boxes opened',
      sql: insert(`SELECT 'BallotBox-r' || r, 0::bigint, gen_random_uuid(), 'BallotBoxPrepared', jsonb_build_object('roundId', 'r' || r, 'frame', jsonb_build_object('budgetId', 'b' || r, 'frameVersion', 1, 'ballot', jsonb_build_object('type', 'approval'), 'tally', jsonb_build_object('rule', 'greedy'), 'budgetCents', 100000000,
          'plans', (SELECT jsonb_agg(jsonb_build_object('planId', 'p' || r || '_' || p, 'costCents', 100000 * (1 + p % 40))) FROM generate_series(1, ${PLANS_PER_ROUND}) p WHERE p % 5 <> 0)), 'preparedAt', '2026-04-15T10:00:00.000Z'), ${meta('staff-1')}
        FROM generate_series(1, ${ROUNDS}) r
        UNION ALL
        SELECT 'BallotBox-r' || r, 1::bigint, gen_random_uuid(), 'BallotBoxOpened', jsonb_build_object('roundId', 'r' || r, 'reason', 'Planning', 'openedAt', '2026-05-01T08:00:00.000Z'), ${meta('staff-1')}
        FROM generate_series(1, ${ROUNDS}) r`),
    },
    // One roll import per round: its registrations share the request's correlation id.
    {
      what: 'voter roll',
      sql: insert(`SELECT 'Participant-r' || r || '_' || v, 0::bigint, gen_random_uuid(), 'ParticipantRegistered', jsonb_build_object('roundId', 'r' || r, 'participantRef', md5('v' || r || '_' || v), 'rootRef', md5('v' || r || '_' || v),
          'area', 'BU0363' || lpad((v % 12)::text, 4, '0'), 'ageBand', (ARRAY['12-17', '18-24', '25-44', '45-64', '65+'])[1 + v % 5], 'eligible', true, 'ineligibility', null, 'source', 'municipality-file', 'registeredAt', '2026-04-20T10:00:00.000Z'),
          jsonb_build_object('tenant', 'GM0363', 'actor', 'staff-1', 'role', 'administrator', '$correlationId', 'roll-import-r' || r, 'at', '2026-04-20T10:00:00.000Z')
        FROM generate_series(1, ${ROUNDS}) r, generate_series(1, ${VOTERS_PER_ROUND}) v`),
    },
    {
      what: 'ballots',
      sql: insert(`SELECT 'Ballot-r' || r || '_' || b, 0::bigint, gen_random_uuid(), 'BallotCast', jsonb_build_object('roundId', 'r' || r, 'ballotRef', md5('b' || r || '_' || b), 'channel', CASE WHEN b % 10 = 0 THEN 'paper' ELSE 'online' END, 'verification', 'voting-code',
          'area', 'BU0363' || lpad((b % 12)::text, 4, '0'), 'content', jsonb_build_object('type', 'approval', 'choices', jsonb_build_array('p' || r || '_' || (1 + b % ${PLANS_PER_ROUND}), 'p' || r || '_' || (1 + (b * 7) % ${PLANS_PER_ROUND}), 'p' || r || '_' || (1 + (b * 13) % ${PLANS_PER_ROUND}))),
          'batchId', null, 'castAt', '2026-05-02T10:00:00.000Z'), jsonb_build_object('tenant', 'GM0363', 'actor', 'voter', 'role', 'voter')
        FROM generate_series(1, ${ROUNDS}) r, generate_series(1, ${BALLOTS_PER_ROUND}) b`),
    },
  ];
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  const driver = createPgPoolDriver(pool, { ownsPool: false, listen: false });
  const store = await createSqlEventStore(driver, { schema: esSchema, pageSize: 1000 });
  const db = await openReadModels({ url, schema: rmSchema, poolSize: 4 });
  try {
    let t = performance.now();
    for (const { what, sql } of generators(`"${esSchema}"`)) {
      await driver.exec(sql);
      process.stderr.write(`  generated ${what}\n`);
    }
    await driver.exec(`ANALYZE "${esSchema}".events`);
    const [{ count }] = (await driver.query<{ count: string }>(`SELECT count(*) FROM "${esSchema}".events`)) as [{ count: string }];
    const events = Number(count);
    process.stderr.write(`${events} events generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

    // 2. Raw catch-up read: the subscription from the start to its caughtUp, no projection.
    t = performance.now();
    let read = 0;
    const subscription = store.subscribeToAll();
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      read++;
    }
    await subscription.close();
    const readSeconds = (performance.now() - t) / 1000;
    process.stderr.write(`raw catch-up read: ${read} events in ${readSeconds.toFixed(1)} s = ${Math.round(read / readSeconds)} events/s\n`);

    // 3. Rebuild every projection from scratch through the same store.
    let last = 0;
    const result = await rebuild({
      store,
      db,
      projections: ALL_PROJECTIONS,
      onProgress: ({ events: done }) => {
        if (done - last >= 100_000) {
          last = done;
          process.stderr.write(`  rebuilt ${done}\n`);
        }
      },
    });
    process.stderr.write(`rebuild: ${result.events} events in ${result.seconds.toFixed(1)} s = ${Math.round(result.eventsPerSecond)} events/s\n`);
    const rows = await db.read((m) =>
      m.query<{ t: string; n: string }[]>(
        ALL_PROJECTIONS.flatMap((p) => p.tables)
          .map((table) => `SELECT '${table}' AS t, count(*) AS n FROM "${rmSchema}"."${table}"`)
          .join(' UNION ALL '),
      ),
    );
    const ratio = result.eventsPerSecond / (read / readSeconds);
    const [{ server_version: version }] = (await driver.query<{ server_version: string }>('SHOW server_version')) as [{ server_version: string }];
    const section = `## Projections

\`npm run bench:projections\` (bench/projections.bench.ts), ${new Date().toISOString().slice(0, 10)}, PostgreSQL ${version} on this machine (${(await import('node:os')).cpus().length} cores), Node ${process.version}.
A store of ${events.toLocaleString('en')} events generated straight into the event table (${ROUNDS} budgets and rounds, ${(ROUNDS * PLANS_PER_ROUND).toLocaleString('en')} plans with ${SUPPORTS_PER_PLAN} supports, verdicts and admissions each, ${(ROUNDS * VOTERS_PER_ROUND).toLocaleString('en')} participants, ${(ROUNDS * BALLOTS_PER_ROUND).toLocaleString('en')} ballots), then in the same run:

| measure | events | seconds | events/s |
|---|---:|---:|---:|
| raw catch-up read (\`subscribeToAll\` from the start to \`caughtUp\`, pages of 1000) | ${read} | ${readSeconds.toFixed(1)} | ${Math.round(read / readSeconds)} |
| rebuild of all ${ALL_PROJECTIONS.length} projections (\`rebuild()\`: one pass over \`$all\`, pages of 2000, rows and checkpoints in one transaction per page) | ${result.events} | ${result.seconds.toFixed(1)} | ${Math.round(result.eventsPerSecond)} |

Rebuild rate / raw read rate: **${ratio.toFixed(2)}** (the goal is at least 0.25). Rows afterwards: ${rows.map((r) => `${r.t} ${r.n}`).join(', ')}.
A single run; the live projector commits smaller batches (up to 1000 events or 10 ms) per projection.
`;
    const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    const without = before.replace(/## Projections\n[\s\S]*?(?=\n## |$)/, '').trimEnd();
    writeFileSync(file, `${without}\n\n${section}`);
    process.stdout.write(section);
  } finally {
    await db.read((m) => m.query(`DROP SCHEMA IF EXISTS "${rmSchema}" CASCADE`)).catch(() => undefined);
    await db.close();
    await driver.exec(`DROP SCHEMA IF EXISTS "${esSchema}" CASCADE`);
    await store.close();
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:projections failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
