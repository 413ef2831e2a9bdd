/**
 * Layer rules, checked by `npm run lint:deps` (a step of `npm test`) with no exceptions;
 * docs/event-store.md says why.
 */
const framework = '^node_modules/(@nestjs|typeorm|@eventstore|pg|express|@electric-sql|class-validator|class-transformer)/';
const domainFile = ['^libs/.*[.](events|state|decider|command|rules|errors)[.]ts$', '^libs/(budgeting|voting)/src/events[.]ts$'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle-between-libs',
      severity: 'error',
      comment: 'No import cycle between libs (a cycle that leaves its lib and comes back).',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^libs/$1/' },
    },
    {
      name: 'domain-without-framework',
      severity: 'error',
      comment: 'Events, state, deciders, commands, rules and errors are plain TypeScript: no framework.',
      from: { path: domainFile },
      to: { path: framework },
    },
    {
      name: 'read-side-imports-events-only',
      severity: 'error',
      comment: 'Projections and audit import only the events entries of the domain libs (@lib/budgeting/events, @lib/voting/events).',
      from: { path: '^libs/(projections|audit)/' },
      to: { path: '^libs/(budgeting|voting)/', pathNot: '^libs/(budgeting|voting)/src/events\\.ts$' },
    },
    {
      name: 'events-entry-imports-es-only',
      severity: 'error',
      comment: 'An events entry and what it re-exports import nothing but @lib/es.',
      from: { path: ['^libs/(budgeting|voting)/src/events[.]ts$', '[.]events[.]ts$'] },
      to: { path: '^libs/', pathNot: ['^libs/es/', '\\.events\\.ts$', '^libs/(budgeting|voting)/src/events\\.ts$'] },
    },
    {
      name: 'libs-not-on-apps',
      severity: 'error',
      comment: 'Apps sit on top: a lib never imports from apps/.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'es-stands-alone',
      severity: 'error',
      comment: '@lib/es is the bottom of the domain: it may use the event-store port\'s types, no other lib.',
      from: { path: '^libs/es/' },
      to: { path: '^libs/', pathNot: ['^libs/es/', '^libs/event-store/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
