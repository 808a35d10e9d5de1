import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/**
 * A worker thread's code: `entry` and every module it imports, bundled once per process into one
 * CommonJS script for `new Worker(code, { eval: true })`. The thread then runs plain JavaScript, with
 * no TypeScript loader (the server may itself run from sources under tsx) and none of the server's
 * other modules in its heap. A failed build is not cached, so the next call tries again.
 */
export function bundleWorker(entry: URL): Promise<string> {
  const key = entry.href;
  let bundle = bundles.get(key);
  if (bundle === undefined) {
    bundle = build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      plugins: [sourceFileUrls],
    }).then(
      (result) => {
        const code = result.outputFiles[0]?.text;
        if (code === undefined) throw new Error(`the worker bundle of ${entry.pathname} is empty`);
        return code;
      },
      (error: unknown) => {
        bundles.delete(key);
        throw error;
      },
    );
    bundles.set(key, bundle);
  }
  return bundle;
}

/**
 * A CommonJS bundle has no `import.meta`: each module's `import.meta.url` becomes the URL of its own
 * source file, so files read relative to a module (a knowledge base, model data) are still found.
 */
const sourceFileUrls: Plugin = {
  name: 'source-file-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};
