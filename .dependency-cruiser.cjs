// Layer rules of STYLE.md §2, checked in CI (`npm run layers`). Paths match `src/<layer>/` anywhere so the same rules
// run on the planted-violation fixture in test/fixtures/layers (test/layers.test.ts proves they fire).
const L = (layer) => `(^|/)src/${layer}/`;
const notTest = '\\.test\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports only src/domain: no node:*, no npm packages, no other layer (house rule 1).',
      severity: 'error',
      from: { path: L('domain'), pathNot: notTest },
      to: { pathNot: L('domain') },
    },
    {
      name: 'measures-only-domain',
      comment: 'src/measures (instrument data) imports domain and zod (a pure validator named in ARCHITECTURE.md).',
      severity: 'error',
      from: { path: L('measures'), pathNot: notTest },
      to: { pathNot: [L('measures'), L('domain'), '(^|/)node_modules/zod/'] },
    },
    {
      name: 'exports-layer',
      comment: 'src/exports imports domain and measures (renderer libraries only in render-*.ts).',
      severity: 'error',
      from: { path: L('exports'), pathNot: [notTest, '/render-[^/]+\\.ts$'] },
      to: { pathNot: [L('exports'), L('domain'), L('measures')] },
    },
    {
      name: 'application-layer',
      comment:
        'src/application imports domain, measures, exports and zod; never storage, http, cli, web, kysely, fastify, node:*.',
      severity: 'error',
      from: { path: L('application'), pathNot: notTest },
      to: { pathNot: [L('application'), L('domain'), L('measures'), L('exports'), '(^|/)node_modules/zod/'] },
    },
    {
      name: 'storage-layer',
      comment: 'src/storage never imports http, cli, web or exports.',
      severity: 'error',
      from: { path: L('storage'), pathNot: notTest },
      to: { path: [L('http'), L('cli'), L('web'), L('exports')] },
    },
    {
      name: 'contract-layer',
      comment: 'src/contract imports domain (types) and zod only.',
      severity: 'error',
      from: { path: L('contract'), pathNot: notTest },
      to: { pathNot: [L('contract'), L('domain'), '(^|/)node_modules/zod/'] },
    },
    {
      name: 'http-no-storage-except-server',
      comment:
        'Only src/http/server.ts (the composition root) may import storage; http never imports web, cli or kysely.',
      severity: 'error',
      from: { path: L('http'), pathNot: [notTest, '(^|/)src/http/server\\.ts$'] },
      to: { path: [L('storage'), L('web'), L('cli'), '(^|/)node_modules/kysely/'] },
    },
    {
      name: 'cli-no-storage-except-main',
      comment:
        'Only src/cli/main.ts may import storage; only the start command may import http (its server.ts); never web.',
      severity: 'error',
      from: { path: L('cli'), pathNot: [notTest, '(^|/)src/cli/main\\.ts$'] },
      to: { path: [L('storage'), L('web'), '(^|/)node_modules/kysely/'] },
    },
    {
      name: 'cli-http-only-server',
      severity: 'error',
      from: { path: L('cli'), pathNot: [notTest, '(^|/)src/cli/commands/start\\.ts$'] },
      to: { path: L('http') },
    },
    {
      name: 'cli-start-only-server',
      severity: 'error',
      from: { path: '(^|/)src/cli/commands/start\\.ts$' },
      to: { path: L('http'), pathNot: '(^|/)src/http/server\\.ts$' },
    },
    {
      name: 'web-layer',
      comment:
        'src/web reaches the server only through contract and HTTP; it may run domain and measures in the browser.',
      severity: 'error',
      from: { path: L('web'), pathNot: notTest },
      to: { path: [L('application'), L('storage'), L('http'), L('cli'), L('exports'), L('config')] },
    },
    {
      name: 'config-layer',
      severity: 'error',
      from: { path: L('config'), pathNot: notTest },
      to: { path: [L('application'), L('storage'), L('http'), L('cli'), L('web'), L('exports')] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: notTest },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    builtInModules: { add: [] },
  },
};
