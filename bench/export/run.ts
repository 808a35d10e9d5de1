import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSqliteStore } from '../../apps/server/src/store/sqlite-store';
import type { Store } from '../../apps/server/src/store/store';
import { measureBareRead, measureExport } from './measure';

/**
 * Export benchmark: generates corrections into a fresh store (in a child process), then measures in
 * this one (b) the real openai-chat export to a file and (a) reading the same rows through the
 * store's cursor and serialising each. Targets: (b) at least half as fast as (a), peak RSS under
 * 300 MB. `--check` exits non-zero when one is missed.
 *
 *   npx tsx bench/export/run.ts [--rows 1000000] [--store sqlite|mongo] [--check]
 */
const RATIO_TARGET = 0.5;
const RSS_TARGET_MB = 300;

const { values } = parseArgs({
  options: {
    rows: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
    check: { type: 'boolean', default: false },
  },
});
const kind = values.store;
if (kind !== 'sqlite' && kind !== 'mongo') throw new Error('--store must be sqlite or mongo');
// FerretDB stores in SQLite through a protocol translation layer: far slower, hence fewer rows.
const rows = Number(values.rows ?? (kind === 'mongo' ? 100_000 : 1_000_000));
if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive whole number');

const dir = mkdtempSync(path.join(os.tmpdir(), 'hitl-bench-export-'));
// The MongoDB client is only loaded when used, so that it does not weigh on a SQLite run's memory.
const mongo =
  kind === 'mongo' ? await (await import('../../test/support/ferretdb')).startMongoForTests() : null;
let store: Store | null = null;
try {
  const seedStarted = performance.now();
  const file = path.join(dir, 'hitl.sqlite');
  await seed(mongo ? ['--mongo', mongo.uri] : ['--sqlite', file], rows);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  print(`Export benchmark: ${kind}, ${fmt(rows)} corrections (generated in ${seedSeconds.toFixed(1)} s)`);
  store = mongo
    ? await (await import('../../apps/server/src/store/mongo-store')).createMongoStore({ uri: mongo.uri })
    : await createSqliteStore({ file });

  const filter = { status: 'approved' } as const;
  // The export runs first, so that the peak RSS printed is the export's own, not the export's on top
  // of whatever the read loop left in the heap.
  const exported = await measureExport(
    store,
    {
      format: 'openai-chat',
      filter,
      redact: true,
      dedup: true,
      validationFraction: 0,
      systemPrompt: 'You are the customer support assistant of Harbor & Pine.',
    },
    path.join(dir, 'corrections.jsonl'),
  );
  const exportPeakMb = peakRssMb();
  const { counts } = exported.manifest;
  print(`(b) openai-chat export     ${line(exported)}  (peak RSS ${exportPeakMb.toFixed(0)} MB)`);
  print(
    `    written ${fmt(counts.written)}, duplicates ${fmt(counts.duplicates)}, ` +
      `near-duplicates ${fmt(counts.nearDuplicates)}, invalid ${fmt(counts.invalid)}, ` +
      `${((exported.manifest.files[0]?.bytes ?? 0) / 1e6).toFixed(0)} MB written`,
  );
  // Twice, and the faster kept: the ratio is never flattered by a slow read.
  const bareRuns = [await measureBareRead(store, filter), await measureBareRead(store, filter)];
  for (const run of bareRuns) print(`(a) read + JSON.stringify  ${line(run)}`);
  const bare = bareRuns.reduce((best, run) => (run.rowsPerSecond > best.rowsPerSecond ? run : best));
  const ratio = exported.rowsPerSecond / bare.rowsPerSecond;
  const peakMb = peakRssMb();
  print(`ratio (b)/(a): ${ratio.toFixed(2)} (target >= ${RATIO_TARGET})`);
  print(`peak RSS: ${peakMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB)`);
  print(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${os.cpus().length} CPUs)`,
  );
  if (values.check && (ratio < RATIO_TARGET || peakMb >= RSS_TARGET_MB)) process.exitCode = 1;
} finally {
  await store?.close();
  await mongo?.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Generation runs in a child process: its memory is not the export's. */
function seed(target: string[], count: number): Promise<void> {
  const script = fileURLToPath(new URL('./seed.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--rows', String(count), ...target], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding exited with ${code}`))));
  });
}

function line(m: { rows: number; seconds: number; rowsPerSecond: number }): string {
  return `${fmt(m.rows)} rows in ${m.seconds.toFixed(2)} s = ${fmt(Math.round(m.rowsPerSecond))} rows/s`;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
