import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../../test/support/server-process';

export interface BenchServer {
  url: string;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SECRET = 'realtime-bench-secret-0123456789abcdef';
// A thousand widgets from 127.0.0.1: the per-address and per-visitor limits would refuse most of them.
const NO_LIMITS = {
  RATE_LIMIT_WIDGET_SESSION_IP: 'off',
  RATE_LIMIT_MESSAGE_VISITOR: 'off',
  RATE_LIMIT_MESSAGE_IP: 'off',
  RATE_LIMIT_CONTACT_VISITOR: 'off',
  RATE_LIMIT_CONTACT_IP: 'off',
};

/**
 * The real server in its own process, started the way the tests start it (`test/support/server-process.ts`),
 * with the offline bot in autonomous mode on a fresh data folder (under `dataRoot`, e.g. `/dev/shm`, when
 * given). The one place that knows how the server is started.
 */
export async function startSupportServer(options: {
  dataRoot?: string | undefined;
  mongoUri?: string | undefined;
  nodeArgs?: string[] | undefined;
}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(options.dataRoot ?? os.tmpdir(), 'hitl-realtime-'));
  const server = await startServerProcess(
    {
      DATA_DIR: dataDir,
      SECRET,
      ADMIN_PASSWORD: 'realtime-bench-admin-password',
      OVERSIGHT_MODE: 'autonomous',
      LOG_LEVEL: 'error',
      ...NO_LIMITS,
      ...(options.mongoUri ? { MONGODB_URI: options.mongoUri } : {}),
    },
    // The build output, as `pnpm start` runs it (run `pnpm build` first).
    { built: true, ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}) },
  );
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bare Socket.IO echo server (`echo-server.ts`) in its own process, like the real one. */
export function startEchoServer(): Promise<BenchServer> {
  return startScriptServer('echo-server.ts', {});
}

/** The echo server that stores every message and reply with the product's store (`durable-echo-server.ts`). */
export function startDurableEchoServer(options: { dataRoot?: string | undefined }): Promise<BenchServer> {
  return startScriptServer('durable-echo-server.ts', options.dataRoot ? { DATA_ROOT: options.dataRoot } : {});
}

async function startScriptServer(script: string, env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
