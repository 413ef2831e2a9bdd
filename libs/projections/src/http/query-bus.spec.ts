import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { READ_MODEL_QUERY_HANDLERS } from './read-models.module.js';

// @nestjs/cqrs keeps the query class of a @QueryHandler under this key (not exported by the package).
const QUERY_HANDLER_METADATA = '__queryHandler__';
const ROOT = join(process.cwd(), 'libs/projections/src');

async function controllers(): Promise<string[]> {
  const entries = await readdir(ROOT, { recursive: true });
  return entries.filter((f) => f.endsWith('.controller.ts')).sort();
}

describe('read-model queries go through the QueryBus', () => {
  it('no controller reads the database: each asks the QueryBus (or the CommandBus for the population import)', async () => {
    const files = await controllers();
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const source = await readFile(join(ROOT, file), 'utf8');
      expect({ file, readsDatabase: /ReadModelsService|\.db\(\)|db\.read|m\.query/.test(source) }).toEqual({ file, readsDatabase: false });
      expect({ file, usesQueryBus: /QueryBus/.test(source) }).toEqual({ file, usesQueryBus: true });
    }
  });

  it('registers one handler per query class, each a different query', () => {
    const queries = READ_MODEL_QUERY_HANDLERS.map((handler) => (Reflect.getMetadata(QUERY_HANDLER_METADATA, handler) as { name: string }).name);
    expect(new Set(queries).size).toBe(READ_MODEL_QUERY_HANDLERS.length);
    expect(queries.sort()).toEqual([
      'GetAuditTimeline',
      'GetBudgetOverview',
      'GetEvaluation',
      'GetFeedChanges',
      'GetFeedCursor',
      'GetPlan',
      'GetProjectionStatuses',
      'GetPublicRound',
      'GetRoundImplementation',
      'GetRoundOverview',
      'GetRoundResult',
      'GetRoundTurnout',
      'ListBudgetOverviews',
      'ListPlans',
      'ListPublicPlans',
      'ListRoundOverviews',
    ]);
  });
});
