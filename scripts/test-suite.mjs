// Lint, typecheck, build (which enforces the widget's size budget, and writes the console and the server's
// dist that the e2e tests and built-server.test.ts run: built before any test, so none of them skips),
// then every vitest project, ending with one plain summary line: "N passed, N failed".
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function runTestSuite({ root, pnpm, build }) {
  pnpm(['exec', 'biome', 'check', '.']);
  pnpm(['run', 'typecheck']);
  build();
  const report = path.join(os.tmpdir(), `hitl-vitest-${process.pid}.json`);
  let failure = null;
  try {
    pnpm(['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  } catch (err) {
    failure = err;
  }
  let summary = null;
  try {
    summary = JSON.parse(readFileSync(report, 'utf8'));
    rmSync(report, { force: true });
  } catch {
    // no report: vitest itself failed before running tests
  }
  if (summary) {
    const skipped = summary.numPendingTests + summary.numTodoTests;
    process.stdout.write(
      `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
    if (summary.numTotalTests === 0) throw new Error('No test ran.');
  }
  if (failure) throw failure;
  void root;
}
