// Prints the one closing line CI reads ("N passed, N failed") from Jest's JSON report, plus failing test names.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failedSuites = report.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
);
for (const suite of report.testResults) {
  for (const test of suite.assertionResults) {
    if (test.status === 'failed') console.log(`FAILED ${test.fullName} (${suite.name})`);
  }
}
for (const suite of failedSuites) console.log(`FAILED suite ${suite.name}: ${suite.message.split('\n')[0]}`);
const failed = report.numFailedTests + failedSuites.length;
console.log(`Tests: ${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests} skipped`);
process.exit(failed === 0 && report.numPassedTests > 0 ? 0 : 1);
