/** Dependency direction: apps import libs; libs never import apps; no app imports another; contracts stay framework-free. */
module.exports = {
  forbidden: [
    { name: 'lib-imports-app', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'app-imports-other-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'contracts-framework-free',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: 'node_modules/(@nestjs|typeorm|kafkajs|neo4j-driver|onnxruntime-node|express)' },
    },
    { name: 'no-circular', severity: 'error', from: { path: '^(apps|libs)/' }, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The console's build output is bundled JavaScript, not source.
    exclude: { path: '(\\.spec|\\.int-spec|\\.e2e-spec)\\.ts$|^apps/console/dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
