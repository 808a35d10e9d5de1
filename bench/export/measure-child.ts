import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Store } from '../../apps/server/src/store/store';
import { measureBareRead, measureExport } from './measure';

/**
 * One measurement of `bench/export`, in a process of its own so that its peak RSS is its own: the
 * export (`--mode export`, with or without its worker thread) or the bare read (`--mode read`). Run
 * from a build (`run.ts` bundles it with the export worker, as `pnpm build` does for the server), it
 * prints one JSON line: rows, seconds, rows/s, peak RSS and, for the export, the manifest's counts.
 */
const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    sqlite: { type: 'string' },
    mongo: { type: 'string' },
    out: { type: 'string' },
    worker: { type: 'string', default: 'on' },
  },
});
const store: Store = values.mongo
  ? await (await import('../../apps/server/src/store/mongo-store')).createMongoStore({ uri: values.mongo })
  : await (await import('../../apps/server/src/store/sqlite-store')).createSqliteStore({
      file: values.sqlite ?? '',
    });
const filter = { status: 'approved' } as const;
try {
  if (values.mode === 'read') {
    const read = await measureBareRead(store, filter);
    report({ rows: read.rows, seconds: read.seconds, rowsPerSecond: read.rowsPerSecond });
  } else {
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
      values.out ?? '',
      { worker: values.worker !== 'off' },
    );
    const { counts } = exported.manifest;
    report({
      rows: exported.rows,
      seconds: exported.seconds,
      rowsPerSecond: exported.rowsPerSecond,
      counts,
      bytes: exported.manifest.files[0]?.bytes ?? 0,
    });
  }
} finally {
  await store.close();
}

/**
 * With the CPU time of the process (every thread) and of its main thread alone (from
 * `/proc/self/task/<pid>/stat`): on a machine shared with other work, wall-clock rates move with the
 * load, CPU seconds much less. The main thread's CPU bounds the export's speed on idle cores.
 */
function report(result: object): void {
  const usage = process.resourceUsage();
  const peakRssMb = usage.maxRSS / 1024;
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(
    `${JSON.stringify({ ...result, peakRssMb, cpuSeconds, mainThreadCpuSeconds: mainThreadCpu() })}\n`,
  );
}

function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
