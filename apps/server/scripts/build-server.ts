import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));

/** What `pnpm build` writes into `apps/server/dist`: the server and the CLI… */
export const serverEntryPoints: Record<string, string> = {
  main: path.join(serverRoot, 'src/main.ts'),
  cli: path.join(serverRoot, 'src/cli/main.ts'),
};

/** …and the worker threads they start (`lib/start-worker-thread.ts` finds them beside itself). */
export const workerEntryPoints: Record<string, string> = {
  'export-worker': path.join(serverRoot, 'src/services/export-worker.ts'),
  'offline-model-worker': path.join(serverRoot, 'src/responder/offline-model-worker.ts'),
};

export interface BuildServerOptions {
  /** Output name (without `.js`) → entry source file. */
  entryPoints?: Record<string, string>;
  workerEntryPoints?: Record<string, string>;
  /** Default `apps/server/dist`. */
  outdir?: string;
}

/**
 * Compiles the server to plain JavaScript, once, at build time: each entry becomes one ES module with
 * our own code inlined — the server's sources and the workspace packages, which export TypeScript
 * (`@hitl/*`) — and every npm dependency left as an `import` that Node resolves from
 * `apps/server/node_modules` (native addons such as better-sqlite3 and packages that read their own
 * files, like the wink models, work unchanged). Source maps point back to the `.ts` files.
 */
export async function buildServer(options: BuildServerOptions = {}): Promise<void> {
  const outdir = options.outdir ?? path.join(serverRoot, 'dist');
  const common: BuildOptions = {
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    define: { HITL_BUILT: 'true' },
    plugins: [npmPackagesExternal, sourceRelativeUrls(outdir)],
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: options.entryPoints ?? serverEntryPoints,
      // Modules imported with `await import()` become chunks of their own, loaded only when used: the
      // MongoDB, Redis and LLM clients stay out of a start on SQLite with the offline model.
      splitting: true,
      // In `dist` itself, beside the entries: URLs are made relative to that one folder.
      chunkNames: '[name]-[hash]',
    }),
    // Each worker is one file sharing no chunk with the server: a thread loads its own code only.
    build({ ...common, entryPoints: options.workerEntryPoints ?? workerEntryPoints }),
  ]);
}

/** npm packages stay imports (and Node built-ins); only our workspace packages are inlined. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(esbuild) {
    // Go regular expressions have no look-ahead: bare specifiers are matched, `@hitl/*` let through.
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@hitl/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * In one bundle every module's `import.meta.url` would be the bundle's: each is replaced by the URL
 * of the module's own source file, relative to the bundle, so that files read beside a module (the
 * knowledge base, the policy, the system prompt, the word-vector cache, the console's static files)
 * are found wherever the checkout is, as long as `src` stays beside `dist`.
 */
function sourceRelativeUrls(outdir: string): Plugin {
  return {
    name: 'source-relative-urls',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const relative = path.relative(outdir, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  await buildServer();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`server built into apps/server/dist in ${seconds} s\n`);
}
