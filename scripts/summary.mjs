// Add up the unit and end-to-end reports into the one line CI reads: "N passed, N failed".
// A missing report counts as a failure: a runner that crashed must not look green. A failed
// typecheck or lint (CHECKS_FAILED) counts as one failure each.
import { existsSync, readFileSync } from 'node:fs';

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const unit = read('reports/vitest.json');
const e2e = read('reports/e2e.json');
let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.success || unit.numFailedTests > 0 ? 0 : 1); // suite-level errors
  skipped += unit.numPendingTests + unit.numTodoTests;
} else failed++;
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  skipped += e2e.stats.skipped;
} else failed++;
failed += Number(process.env.CHECKS_FAILED ?? 0); // typecheck and lint, each one check
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
