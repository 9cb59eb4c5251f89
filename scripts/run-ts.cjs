// Runs a TypeScript entry point without a build step: swc transpiles (with decorator
// metadata for Nest) and tsconfig-paths resolves the @loanmesh/* aliases.
const path = require('path');
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
require('ts-node').register({ transpileOnly: true, swc: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..'),
  paths: require('../tsconfig.json').compilerOptions.paths,
});
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-ts.cjs <entry.ts> [args...]');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
