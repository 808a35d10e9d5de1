import { loadWordVectors } from './load-word-vectors';

/**
 * `pnpm build` step: derives the compact word-vector file from the installed package, so that the first
 * start (or test run) does not spend seconds on it. Without the package it only warns: the responder then
 * answers on TF-IDF features alone.
 */
const started = performance.now();
const loaded = loadWordVectors({
  log: {
    info: (details, message) => console.log(`${message} ${JSON.stringify(details)}`),
    warn: (details, message) => console.warn(`${message} ${JSON.stringify(details)}`),
  },
});
if (loaded.vectors !== undefined)
  console.log(
    `word vectors ready: ${loaded.vectors.size} words in ${loaded.file} ` +
      `(${loaded.derived ? 'derived' : 'already there'}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
