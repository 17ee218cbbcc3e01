/**
 * The import rules of the architecture (README, "Folders"), checked by tests/unit/architecture.test.ts
 * with dependency-cruiser (tests/unit/cypher-lint.test.ts checks that no Cypher text lives elsewhere).
 * Data flows one way: server → api → graph → db → domain, and seed → db/domain.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'No folder imports a folder that imports it back.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-no-layer',
      comment: 'The vocabulary and model every layer imports depend on nothing of ours.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'cypher-only-in-data-access',
      comment: 'Cypher is built only in the data-access modules: reads in src/graph, writes in the loader, the schema in src/db.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(db|graph|seed)/' },
      to: { path: 'node_modules/@neo4j/cypher-builder/' },
    },
    {
      name: 'no-http-below-api',
      comment: 'HTTP lives in src/api and src/server; the layers below know nothing of requests.',
      severity: 'error',
      from: { path: '^src/(domain|db|graph|seed|config)/' },
      to: { path: ['node_modules/(express|@apollo/server|@as-integrations|cors|helmet|etag)/', '^(http|https|node:http|node:https)$'] },
    },
    {
      name: 'read-path-never-writes',
      comment: 'src/graph only reads: it imports nothing of the loader.',
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: '^src/seed/' },
    },
  ],
  options: {
    // TypeScript 7 is not one dependency-cruiser can use; swc compiles the modules, so the rules
    // see the imports that run: type imports vanish on compilation.
    parser: 'swc',
    tsPreCompilationDeps: false,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
  },
};
