import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ExportFormat } from '@hitl/shared/rest';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDatasetFiles } from '../../apps/server/src/cli/dataset-files';
import { csvColumns } from '../../apps/server/src/domain/dataset';
import { type DatasetManifest, datasetManifestSchema } from '../../apps/server/src/domain/dataset-manifest';
import { csvRecordSchema, datasetRecordSchemas } from '../../apps/server/src/domain/dataset-schemas';
import { assignSplit } from '../../apps/server/src/domain/dataset-split';
import { createSqliteStore } from '../../apps/server/src/store/sqlite-store';
import type { Store } from '../../apps/server/src/store/store';
import { seedSqlite } from '../../bench/export/seed-sqlite';
import { conversationIdsForSplit, exportCorpus, seedExportCorpus } from '../support/export-corpus';
import { startTestServer, type TestServer } from '../support/test-server';

const run = promisify(execFile);
const cli = path.resolve('apps/server/src/cli/main.ts');
const VAL = 0.2;
const formats: { format: ExportFormat; ext: string; examples: number; invalid: number }[] = [
  { format: 'openai-chat', ext: 'jsonl', examples: 14, invalid: 0 },
  { format: 'openai-preference', ext: 'jsonl', examples: 13, invalid: 1 },
  { format: 'trl-preference', ext: 'jsonl', examples: 13, invalid: 1 },
  { format: 'csv', ext: 'csv', examples: 14, invalid: 0 },
];

let server: TestServer;
let outDir: string;
/** The conversation of each exported corrected reply (as redacted), to check splits. */
const conversationOf = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  outDir = mkdtempSync(path.join(server.dataDir, 'exports-'));
  const corpus = exportCorpus(conversationIdsForSplit(VAL));
  for (const [corrected, conversationId] of await seedExportCorpus(server.store, corpus)) {
    conversationOf.set(corrected, conversationId);
  }
}, 60_000);
afterAll(() => server.close());

async function exportWith(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, 'export', ...args], {
      env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every example of a file, checked against its format's schema: [corrected reply, conversation id]. */
function readExamples(format: ExportFormat, file: string): { corrected: string; conversationId: string }[] {
  const text = readFileSync(file, 'utf8');
  if (format === 'csv') {
    const [header, ...rows] = parseCsv(text) as string[][];
    expect(header).toEqual([...csvColumns]);
    return rows.map((row) => {
      expect(csvRecordSchema.safeParse(row).success).toBe(true);
      return { corrected: row[7] ?? '', conversationId: row[1] ?? '' };
    });
  }
  const schema = datasetRecordSchemas[format];
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const parsed = schema.safeParse(JSON.parse(line));
      expect(parsed.success, line).toBe(true);
      const record = JSON.parse(line) as {
        messages?: { content: string }[];
        preferred_output?: { content: string }[];
        chosen?: { content: string }[];
      };
      const corrected =
        record.messages?.at(-1)?.content ??
        record.preferred_output?.[0]?.content ??
        record.chosen?.[0]?.content ??
        '';
      return { corrected, conversationId: conversationOf.get(corrected) ?? 'unknown' };
    });
}

describe('pnpm cli export', () => {
  it.each(formats)(
    '$format: valid records, redacted, deduplicated, split by conversation, with a matching manifest',
    async ({ format, ext, examples, invalid }) => {
      const out = path.join(outDir, `${format}.${ext}`);
      const result = await exportWith(['--format', format, '--val', String(VAL), '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`Exported ${examples} corrections as ${format}`);
      const manifest = datasetManifestSchema.parse(
        JSON.parse(readFileSync(path.join(outDir, `${format}.manifest.json`), 'utf8')),
      ) as DatasetManifest;
      expect(manifest).toMatchObject({
        format,
        redaction: true,
        deduplication: true,
        validationFraction: VAL,
      });
      expect(manifest.counts).toEqual({
        read: 18,
        written: examples,
        train: manifest.counts.train,
        validation: manifest.counts.validation,
        duplicates: 2,
        nearDuplicates: 2,
        invalid,
      });
      expect(manifest.counts.train + manifest.counts.validation).toBe(examples);
      expect(manifest.counts.validation).toBeGreaterThan(0);
      expect(manifest.counts.train).toBeGreaterThan(0);
      expect(manifest.topics.unknown).toBe(1);
      expect(Object.values(manifest.reasons).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(examples);

      const seen = new Map<string, string>();
      for (const entry of manifest.files) {
        const file = path.join(outDir, entry.file);
        expect(entry.file).toBe(entry.split === 'train' ? `${format}.${ext}` : `${format}.val.${ext}`);
        expect(sha256(file)).toBe(entry.sha256);
        expect(readFileSync(file).length).toBe(entry.bytes);
        const content = readFileSync(file, 'utf8');
        expect(content).not.toMatch(/@example\.(com|org)|4111 1111|7946 0958/i);
        const rows = readExamples(format, file);
        expect(rows).toHaveLength(entry.examples);
        expect(entry.examples).toBe(manifest.counts[entry.split]);
        for (const { conversationId } of rows) {
          expect(assignSplit(conversationId, VAL)).toBe(entry.split);
          expect(seen.get(conversationId) ?? entry.split).toBe(entry.split);
          seen.set(conversationId, entry.split);
        }
      }
      const everything = manifest.files.map((f) => readFileSync(path.join(outDir, f.file), 'utf8')).join('');
      for (const label of ['[EMAIL]', '[CARD]', '[PHONE]']) expect(everything).toContain(label);
    },
    30_000,
  );

  it('gives the same bytes on a second run', async () => {
    const first = path.join(outDir, 'first.jsonl');
    const second = path.join(outDir, 'second.jsonl');
    expect((await exportWith(['--val', '0.2', '--out', first, '--quiet'])).code).toBe(0);
    expect((await exportWith(['--val', '0.2', '--out', second, '--quiet'])).code).toBe(0);
    expect(readFileSync(second)).toEqual(readFileSync(first));
    expect(readFileSync(path.join(outDir, 'second.val.jsonl'))).toEqual(
      readFileSync(path.join(outDir, 'first.val.jsonl')),
    );
  }, 30_000);

  it('keeps every example with --no-dedup and personal data with --no-redact', async () => {
    const out = path.join(outDir, 'raw.jsonl');
    const result = await exportWith(['--no-dedup', '--no-redact', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(
      readFileSync(path.join(outDir, 'raw.manifest.json'), 'utf8'),
    ) as DatasetManifest;
    expect(manifest.counts).toMatchObject({ read: 18, written: 18, duplicates: 0, nearDuplicates: 0 });
    expect(readFileSync(out, 'utf8')).toContain('jane.doe@example.com');
    expect(manifest.files.map((f) => f.split)).toEqual(['train']);
  }, 30_000);

  it('warns that trainers refuse an export of 3 examples, and says so in the manifest', async () => {
    const out = path.join(outDir, 'few.jsonl');
    const result = await exportWith(['--agent', 'agent_few', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Warning: Only 3 training examples.*OpenAI requires at least 10 examples/);
    const manifest = JSON.parse(
      readFileSync(path.join(outDir, 'few.manifest.json'), 'utf8'),
    ) as DatasetManifest;
    expect(manifest.counts.written).toBe(3);
    expect(manifest.warnings).toEqual([expect.stringMatching(/OpenAI requires at least 10 examples/)]);
  }, 30_000);

  it('writes a single file to standard output', async () => {
    const result = await exportWith([
      '--format',
      'trl-preference',
      '--kind',
      'human_answer',
      '--status',
      'any',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/1 corrections did not make valid trl-preference records/);
    const chat = await exportWith(['--quiet']);
    expect(chat.stdout.trim().split('\n')).toHaveLength(14);
    expect(await exportWith(['--val', '0.2'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/needs --out/),
    });
  }, 30_000);

  it.each([
    ['an invalid date', ['--since', 'notadate']],
    ['a validation share over 0.5', ['--val', '0.7']],
    ['an unknown format', ['--format', 'parquet']],
  ])(
    'fails on %s, leaving no file',
    async (_, args) => {
      const dir = mkdtempSync(path.join(outDir, 'failed-'));
      const result = await exportWith([...args, '--out', path.join(dir, 'out.jsonl')]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/Bad export options/);
      expect(readdirSync(dir)).toEqual([]);
    },
    30_000,
  );

  it('fails when the output cannot be written, leaving nothing behind', async () => {
    const blocker = path.join(outDir, 'not-a-directory');
    writeFileSync(blocker, 'x');
    const result = await exportWith(['--out', path.join(blocker, 'out.jsonl')]);
    expect(result.code).not.toBe(0);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  }, 30_000);

  it.each(formats)(
    '$format: the same files and counts with the per-row work in a worker thread',
    async ({ format, ext }) => {
      const options = {
        format,
        filter: { status: 'approved' as const },
        redact: true,
        dedup: true,
        validationFraction: VAL,
        systemPrompt: 'You are support.',
      };
      const files = async (name: string, tuning: { batchRows: number; worker: boolean }) => {
        const dir = mkdtempSync(path.join(outDir, `${name}-`));
        const progress: number[] = [];
        const manifest = await writeDatasetFiles(server.store, options, {
          out: path.join(dir, `out.${ext}`),
          tuning,
          onProgress: (tally) => progress.push(tally.read),
        });
        const contents = manifest.files.map((f) => readFileSync(path.join(dir, f.file), 'utf8'));
        return { manifest: { ...manifest, createdAt: '' }, contents, progress };
      };
      // 18 corrections in batches of 4: four go through the worker, the fifth (2 rows) too.
      const threaded = await files('threaded', { batchRows: 4, worker: true });
      const inline = await files('inline', { batchRows: 4, worker: false });
      expect(threaded.manifest.counts.read).toBe(18);
      expect(threaded.manifest).toEqual(inline.manifest);
      expect(threaded.contents).toEqual(inline.contents);
      expect(threaded.contents.join('')).toContain('[EMAIL]');
      expect(threaded.progress.at(-1)).toBe(18);
      expect(threaded.progress.length).toBeGreaterThan(1);
    },
    30_000,
  );

  it('stops with the error of a row the worker thread cannot format, leaving nothing behind', async () => {
    const dir = mkdtempSync(path.join(outDir, 'worker-failure-'));
    const broken: Store = {
      ...server.store,
      async *iterateCorrections(filter) {
        let rows = 0;
        for await (const correction of server.store.iterateCorrections(filter)) {
          // The sixth row has no conversation: only the worker (dedup, formatting) reads it.
          yield ++rows === 6
            ? { ...correction, context: null as unknown as typeof correction.context }
            : correction;
        }
      },
    };
    const options = {
      format: 'openai-chat' as const,
      filter: { status: 'approved' as const },
      redact: false,
      dedup: true,
      validationFraction: VAL,
      systemPrompt: 'You are support.',
    };
    await expect(
      writeDatasetFiles(broken, options, { out: path.join(dir, 'out.jsonl'), tuning: { batchRows: 4 } }),
    ).rejects.toThrow(/export worker: TypeError/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['in this thread', { worker: false }],
    ['with a worker thread', { batchRows: 2, worker: true }],
  ])('removes its temporary files when the store fails mid-stream (%s)', async (_name, tuning) => {
    const dir = mkdtempSync(path.join(outDir, 'mid-stream-'));
    const failing: Store = {
      ...server.store,
      async *iterateCorrections(filter) {
        let rows = 0;
        for await (const correction of server.store.iterateCorrections(filter)) {
          if (++rows > 5) throw new Error('the store went away');
          yield correction;
        }
      },
    };
    const options = {
      format: 'openai-chat' as const,
      filter: { status: 'approved' as const },
      redact: true,
      dedup: true,
      validationFraction: VAL,
      systemPrompt: 'You are support.',
    };
    await expect(
      writeDatasetFiles(failing, options, { out: path.join(dir, 'out.jsonl'), tuning }),
    ).rejects.toThrow('the store went away');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a large export, through the worker thread', () => {
  it('writes the same files from the CLI as in one thread, valid and redacted, and the same to stdout', async () => {
    // 1,500 generated corrections (personal data in about 7 %, repeats and near-repeats): six batches.
    const dataDir = mkdtempSync(path.join(outDir, 'large-'));
    seedSqlite(path.join(dataDir, 'support.db'), 1_500);
    const cliExport = async (args: string[]) => {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, 'export', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { stdout, stderr };
    };
    const out = path.join(dataDir, 'cli.jsonl');
    await cliExport(['--val', '0.1', '--out', out, '--quiet']);
    const manifest = datasetManifestSchema.parse(
      JSON.parse(readFileSync(path.join(dataDir, 'cli.manifest.json'), 'utf8')),
    ) as DatasetManifest;
    const { counts } = manifest;
    expect(counts.read).toBe(1_500);
    expect(counts.duplicates).toBeGreaterThan(0);
    expect(counts.nearDuplicates).toBeGreaterThan(0);
    expect(counts.written + counts.duplicates + counts.nearDuplicates + counts.invalid).toBe(1_500);

    const store = await createSqliteStore({ file: path.join(dataDir, 'support.db') });
    try {
      const inline = path.join(dataDir, 'inline.jsonl');
      const options = {
        format: 'openai-chat' as const,
        filter: { status: 'approved' as const },
        redact: true,
        dedup: true,
        validationFraction: 0.1,
        systemPrompt: manifest.files.length > 0 ? systemPromptOf(readFileSync(out, 'utf8')) : '',
      };
      await writeDatasetFiles(store, options, { out: inline, tuning: { worker: false } });
      expect(readFileSync(out)).toEqual(readFileSync(inline));
      expect(readFileSync(path.join(dataDir, 'cli.val.jsonl'))).toEqual(
        readFileSync(path.join(dataDir, 'inline.val.jsonl')),
      );
    } finally {
      await store.close();
    }
    const written = readFileSync(out, 'utf8');
    expect(readExamples('openai-chat', out)).toHaveLength(counts.train);
    expect(written).toContain('[EMAIL]');
    expect(written).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);

    const { stdout } = await cliExport(['--quiet']);
    expect(stdout.trim().split('\n')).toHaveLength(counts.written);
  }, 60_000);
});

/** The system prompt of the first record of a JSON Lines file. */
function systemPromptOf(jsonl: string): string {
  const first = JSON.parse(jsonl.slice(0, jsonl.indexOf('\n'))) as { messages: { content: string }[] };
  return first.messages[0]?.content ?? '';
}

describe('GET /api/exports/corrections', () => {
  it('streams valid, redacted, deduplicated JSON Lines; dedup=false keeps every example', async () => {
    const { token } = await server.createAgent({ role: 'reviewer' });
    const get = (query: string) =>
      fetch(`${server.url}/api/exports/corrections?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const res = await get('format=openai-chat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(14);
    for (const line of lines) {
      expect(datasetRecordSchemas['openai-chat'].safeParse(JSON.parse(line)).success).toBe(true);
      expect(line).not.toMatch(/@example\.(com|org)|4111 1111/);
    }
    const all = await get('format=openai-chat&dedup=false');
    expect((await all.text()).trim().split('\n')).toHaveLength(18);
    expect((await get('dedup=maybe')).status).toBe(400);
  });
});
