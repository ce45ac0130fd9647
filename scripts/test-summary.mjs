// Prints the closing line CI reads, "N passed, N failed": every vitest test of the unit and
// end-to-end runs, plus one check per gate that is not a test run (lint, format, typecheck, builds).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of ['test-results/unit.json', 'test-results/e2e.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + report.numPendingTests + report.numTodoTests;
  // A test file that fails to load has no tests to count: it is a failure all the same.
  failed += report.testResults.filter(
    (r) => r.status === 'failed' && !r.assertionResults.length,
  ).length;
}
const gates = readFileSync('test-results/gates.txt', 'utf8').trim().split('\n');
for (const line of gates) {
  const [result, name] = line.split(' ');
  const report = `test-results/${name}.json`;
  if (result === 'fail') console.log(`gate failed: ${name}`);
  if (name === 'unit' || name === 'e2e') {
    // A run that crashed before writing its report still counts as a failure.
    if (result === 'fail' && !existsSync(report)) failed++;
  } else if (result === 'pass') passed++;
  else failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
