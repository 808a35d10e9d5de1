import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetManifestSchema } from '../../apps/server/src/domain/dataset-manifest';
import { seedSqlite } from '../../bench/export/seed-sqlite';
import { connectWidgetSocket, loginAgentOver, openVisitorSession } from '../support/clients';
import { builtMainFile, type ServerProcess, startServerProcess } from '../support/server-process';
import { waitForEvent } from '../support/wait-for';

/**
 * The build output as production runs it: `node apps/server/dist/main.js`, no TypeScript loader, on
 * port 0, with a customer answered by the offline model (its worker thread built too) and exports of
 * more than one batch (so through the built export worker) over REST and from the built CLI.
 * `node scripts/run.mjs test` builds first, so this never skips there.
 */
const dist = path.dirname(builtMainFile);
const builtCli = path.join(dist, 'cli.js');
const built = existsSync(builtMainFile) && existsSync(builtCli);
if (!built)
  process.stderr.write(`built-server.test.ts skipped: ${builtMainFile} is missing; run "pnpm build" first\n`);

const run = promisify(execFile);
const ADMIN = { email: 'admin@example.com', password: 'built-server-password' };
/** More than one export batch (256), so the export starts its worker thread. */
const CORRECTIONS = 600;

describe.skipIf(!built)('the built server', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hitl-built-'));
    seedSqlite(path.join(dataDir, 'support.db'), CORRECTIONS);
    server = await startServerProcess(
      {
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
        SECRET: 'built-server-secret-0123456789abcdef',
        ADMIN_PASSWORD: ADMIN.password,
      },
      { built: true },
    );
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('is plain JavaScript: no TypeScript loader or bundler is reached from it', () => {
    const main = readFileSync(builtMainFile, 'utf8');
    expect(main).not.toMatch(/["']tsx(\/[^"']*)?["']|["']esbuild["']/);
    // The export worker holds the dataset code only: no schema library, no server modules.
    const worker = readFileSync(path.join(dist, 'export-worker.js'), 'utf8');
    expect(worker).toContain('createDeduplicator');
    expect(worker.length).toBeLessThan(100_000);
    expect(worker).not.toMatch(/ZodError|better-sqlite3|["']express["']/);
  });

  it('prints its start-up time to ready', () => {
    expect(server.output()).toMatch(/Ready in \d+\.\d\d s/);
    expect(server.output()).toContain('"msg":"ready"');
  });

  it('answers a customer from the knowledge base', async () => {
    const session = await openVisitorSession(server.url);
    const widget = await connectWidgetSocket(server.url, session.token);
    try {
      const reply = waitForEvent<Message>(widget as never, 'message:created', (m) => m.role === 'bot');
      const ack = await widget.emitWithAck('message:send', {
        clientId: crypto.randomUUID(),
        text: 'How long does delivery take?',
      });
      expect(ack.ok).toBe(true);
      const answer = await reply;
      expect(answer.text.length).toBeGreaterThan(0);
      expect(answer.text).toContain('business days');
    } finally {
      widget.disconnect();
    }
  });

  it('exports through the built worker, over REST and from the built CLI, the same lines', async () => {
    const { token } = await loginAgentOver(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/exports/corrections?format=openai-chat`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const streamed = await res.text();

    const out = path.join(dataDir, 'corrections.jsonl');
    await run(process.execPath, ['--enable-source-maps', builtCli, 'export', '--out', out, '--quiet'], {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    const manifest = datasetManifestSchema.parse(
      JSON.parse(readFileSync(path.join(dataDir, 'corrections.manifest.json'), 'utf8')),
    );
    expect(manifest.counts.read).toBe(CORRECTIONS);
    expect(manifest.counts.written).toBeGreaterThan(CORRECTIONS / 2);
    const written = readFileSync(out, 'utf8');
    expect(written.trim().split('\n')).toHaveLength(manifest.counts.written);
    expect(streamed).toBe(written);
  });
});
