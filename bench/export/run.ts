import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { buildServer } from '../../apps/server/scripts/build-server';

/**
 * Export benchmark: generates corrections into a fresh store (in a child process), then measures, each
 * in a fresh process running built JavaScript as production does (this file's measure-child.ts bundled
 * with the export worker by the server's build): (b) the real openai-chat export to a file, with its
 * worker thread and (c) without it, and (a) reading the same rows through the store's cursor and
 * serialising each. Targets: (b) at least half as fast as (a), peak RSS under 300 MB. `--check`
 * exits non-zero when one is missed.
 *
 *   npx tsx bench/export/run.ts [--rows 1000000] [--store sqlite|mongo] [--check]
 */
const RATIO_TARGET = 0.5;
const RSS_TARGET_MB = 300;
const run = promisify(execFile);

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

interface ChildResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  cpuSeconds: number;
  mainThreadCpuSeconds: number | null;
  counts?: { written: number; duplicates: number; nearDuplicates: number; invalid: number };
  bytes?: number;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'hitl-bench-export-'));
// Beside the server's own node_modules, so that the bundle's npm imports resolve; git-ignored.
const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));
const buildDir = mkdtempSync(path.join(serverDir, '.cache', 'bench-export-'));
const mongo =
  kind === 'mongo' ? await (await import('../../test/support/ferretdb')).startMongoForTests() : null;
try {
  await buildServer({
    outdir: buildDir,
    entryPoints: { 'measure-child': fileURLToPath(new URL('./measure-child.ts', import.meta.url)) },
  });
  const seedStarted = performance.now();
  const file = path.join(dir, 'hitl.sqlite');
  await seed(mongo ? ['--mongo', mongo.uri] : ['--sqlite', file], rows);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  print(`Export benchmark: ${kind}, ${fmt(rows)} corrections (generated in ${seedSeconds.toFixed(1)} s)`);
  const target = mongo ? ['--mongo', mongo.uri] : ['--sqlite', file];
  const measure = async (args: string[]): Promise<ChildResult> => {
    const child = path.join(buildDir, 'measure-child.js');
    const { stdout } = await run(process.execPath, ['--enable-source-maps', child, ...target, ...args], {
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildResult;
  };
  const out = path.join(dir, 'corrections.jsonl');
  const exported = await measure(['--mode', 'export', '--out', out]);
  print(`(b) openai-chat export     ${line(exported)}`);
  const counts = exported.counts;
  if (counts)
    print(
      `    written ${fmt(counts.written)}, duplicates ${fmt(counts.duplicates)}, ` +
        `near-duplicates ${fmt(counts.nearDuplicates)}, invalid ${fmt(counts.invalid)}, ` +
        `${((exported.bytes ?? 0) / 1e6).toFixed(0)} MB written`,
    );
  const inline = await measure(['--mode', 'export', '--out', out, '--worker', 'off']);
  print(`(c) the same, one thread   ${line(inline)}`);
  // Twice, and the faster kept: the ratio is never flattered by a slow read.
  const bareRuns = [await measure(['--mode', 'read']), await measure(['--mode', 'read'])];
  for (const bareRun of bareRuns) print(`(a) read + JSON.stringify  ${line(bareRun)}`);
  const bare = bareRuns.reduce((best, r) => (r.rowsPerSecond > best.rowsPerSecond ? r : best));
  const ratio = exported.rowsPerSecond / bare.rowsPerSecond;
  print(
    `ratio (b)/(a): ${ratio.toFixed(2)} (target >= ${RATIO_TARGET}); one thread (c)/(a): ${(inline.rowsPerSecond / bare.rowsPerSecond).toFixed(2)}`,
  );
  print(
    `peak RSS of (b): ${exported.peakRssMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB); (c): ${inline.peakRssMb.toFixed(0)} MB; (a): ${bare.peakRssMb.toFixed(0)} MB`,
  );
  print(
    `load average: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${os.cpus().length} CPUs), Node ${process.version}`,
  );
  if (values.check && (ratio < RATIO_TARGET || exported.peakRssMb >= RSS_TARGET_MB)) process.exitCode = 1;
} finally {
  await mongo?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
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

function line(m: ChildResult): string {
  const perRow = (seconds: number | null) => (seconds === null ? '?' : ((seconds * 1e6) / m.rows).toFixed(1));
  return (
    `${fmt(m.rows)} rows in ${m.seconds.toFixed(2)} s = ${fmt(Math.round(m.rowsPerSecond))} rows/s ` +
    `(peak RSS ${m.peakRssMb.toFixed(0)} MB; CPU ${perRow(m.cpuSeconds)} µs/row, ` +
    `main thread ${perRow(m.mainThreadCpuSeconds)})`
  );
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
