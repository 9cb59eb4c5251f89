// Adds up the jest tiers and the static checks into the closing line `N passed, N failed`.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const lines = [];
for (const tier of ['unit', 'integration', 'security', 'e2e']) {
  const file = path.join(dir, `${tier}.json`);
  if (!fs.existsSync(file)) {
    failed += 1;
    lines.push(`${tier}: no results (the runner crashed)`);
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  // A suite that fails to load has no test results; count it as a failure.
  const broken = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + broken;
  lines.push(`${tier}: ${r.numPassedTests} passed, ${r.numFailedTests + broken} failed, ${r.numPendingTests} pending`);
  if (r.numPendingTests > 0) {
    failed += r.numPendingTests;
  }
}
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.check'))) {
  const ok = fs.readFileSync(path.join(dir, f), 'utf8').trim() === 'ok';
  ok ? (passed += 1) : (failed += 1);
  lines.push(`${f.replace('.check', '')}: ${ok ? 'passed' : 'FAILED'}`);
}
console.log(lines.map((l) => `  ${l}`).join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
