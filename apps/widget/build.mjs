import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/widget.js',
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  sourcemap: 'external',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

// Fails the build when the bundle is over its gzip budget.
const sizeCheck = spawnSync(process.execPath, ['scripts/check-size.mjs'], { cwd: root, stdio: 'inherit' });
if (sizeCheck.status !== 0) process.exit(sizeCheck.status ?? 1);
