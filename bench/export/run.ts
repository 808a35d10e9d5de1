import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createMongoStore } from '../../apps/server/src/store/mongo-store';
import { createSqliteStore } from '../../apps/server/src/store/sqlite-store';
import type { Store } from '../../apps/server/src/store/store';
import { startMongoForTests } from '../../test/support/ferretdb';
import { measureBareRead, measureExport } from './measure';

/**
 * Export benchmark: generates corrections into a fresh store, then measures in one process
 * (a) reading them through the store's cursor and serialising each, and (b) the real openai-chat
 * export to a file. Targets: (b) at least half as fast as (a), peak RSS under 300 MB.
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
const mongo = kind === 'mongo' ? await startMongoForTests() : null;
let store: Store | null = null;
try {
  const seedStarted = performance.now();
  const file = path.join(dir, 'hitl.sqlite');
  await seed(mongo ? ['--mongo', mongo.uri] : ['--sqlite', file], rows);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  print(`Export benchmark: ${kind}, ${fmt(rows)} corrections (generated in ${seedSeconds.toFixed(1)} s)`);
  store = mongo ? await createMongoStore({ uri: mongo.uri }) : await createSqliteStore({ file });

  const filter = { status: 'approved' } as const;
  const bareFirst = await measureBareRead(store, filter);
  print(`(a) read + JSON.stringify  ${line(bareFirst)}  (peak RSS so far ${peakRssMb().toFixed(0)} MB)`);
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
  const { counts } = exported.manifest;
  print(`(b) openai-chat export     ${line(exported)}`);
  print(
    `    written ${fmt(counts.written)}, duplicates ${fmt(counts.duplicates)}, ` +
      `near-duplicates ${fmt(counts.nearDuplicates)}, invalid ${fmt(counts.invalid)}, ` +
      `${(exported.manifest.files[0]?.bytes ?? 0) / 1e6} MB`,
  );
  // Measured again after the export, and the faster kept: the ratio is never flattered by a slow start.
  const bareAgain = await measureBareRead(store, filter);
  print(`(a) again                  ${line(bareAgain)}`);
  const bare = bareAgain.rowsPerSecond > bareFirst.rowsPerSecond ? bareAgain : bareFirst;
  const ratio = exported.rowsPerSecond / bare.rowsPerSecond;
  const peakMb = peakRssMb();
  print(`ratio (b)/(a): ${ratio.toFixed(2)} (target >= ${RATIO_TARGET})`);
  print(`peak RSS: ${peakMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB)`);
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
