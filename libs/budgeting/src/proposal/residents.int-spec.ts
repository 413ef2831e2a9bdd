import { afterAll } from '@jest/globals';
import { closeSharedPglite, openTestSqlStore } from '../../../../test/support/sql-store.js';
import { describeResidentsOverHttp } from './testing/residents-http.suite.js';

describeResidentsOverHttp(process.env.DATABASE_URL ? 'PostgreSQL store' : 'PGlite store', async () => {
  const opened = await openTestSqlStore();
  return { store: opened.store, close: opened.cleanup };
});

afterAll(async () => {
  await closeSharedPglite();
});
