import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Set to `true` by the build (`apps/server/scripts/build-server.ts`, esbuild `define`); undeclared
 * when the server runs from its TypeScript sources (vitest, `pnpm dev`).
 */
declare const HITL_BUILT: boolean | undefined;

/** The worker entry points the build writes beside `main.js`, by the name of their source file. */
export type WorkerEntry = 'export-worker' | 'offline-model-worker';

/**
 * Starts a worker thread on one of the server's worker entry points. From the build it runs
 * `dist/<entry>.js`, plain JavaScript written by the build with the dataset or model code bundled
 * in; from the sources (tests, development) it runs `<entry>.ts` through the tsx loader, registered
 * in the thread itself, since a worker does not inherit the loader of a process started by vitest.
 * `source` is the entry's source file, given by the caller as `new URL('./x.ts', import.meta.url)`.
 */
export function startWorkerThread(entry: WorkerEntry, source: URL, options: WorkerOptions): Worker {
  // Not the parent's flags: a loader or inspector given to this process has nothing to do there.
  const workerOptions: WorkerOptions = { execArgv: [], ...options };
  if (typeof HITL_BUILT !== 'undefined' && HITL_BUILT) {
    // `import.meta.dirname` is the bundle's own folder (the build rewrites only `import.meta.url`).
    return new Worker(pathToFileURL(`${import.meta.dirname}/${entry}.js`), workerOptions);
  }
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(loader)};\nregister();\nawait import(${JSON.stringify(source.href)});\n`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), workerOptions);
}
