import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

/** The whole widget, socket client included, must stay under 35 KB gzip. */
const BUDGET = 35 * 1024;

const file = fileURLToPath(new URL('../dist/widget.js', import.meta.url));
const source = readFileSync(file);
const gzip = gzipSync(source, { level: constants.Z_BEST_COMPRESSION }).length;

console.log(`widget.js: ${source.length} bytes, ${gzip} bytes gzip (budget ${BUDGET})`);
if (gzip > BUDGET) {
  console.error(`widget.js is ${gzip - BUDGET} bytes gzip over budget`);
  process.exit(1);
}
