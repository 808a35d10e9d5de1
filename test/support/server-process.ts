import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no graceful shutdown, as in a crash. */
  kill(): Promise<void>;
  /** Resolves once the process has ended (by itself, or killed). */
  exited(): Promise<void>;
  stop(): Promise<void>;
}

const mainFile = path.resolve('apps/server/src/main.ts');
/** What `pnpm build` writes and `pnpm start` runs. */
export const builtMainFile = path.resolve('apps/server/dist/main.js');

export interface ServerProcessOptions {
  /** Runs the build output with plain node, as `pnpm start` does, instead of the sources under tsx. */
  built?: boolean;
  /** Extra node flags, e.g. `--cpu-prof` (which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
}

/**
 * The real server entry point in its own process, as production runs it. On a free port, or on `env.PORT`
 * (a restart after a crash on the same address, where clients reconnect by themselves); `PORT: '0'` lets
 * the server pick one, read from the URLs it prints.
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const entry = options.built ? ['--enable-source-maps', builtMainFile] : ['--import', 'tsx', mainFile];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const printed = /Agent console: +(http:\/\/\S+)\/console\//.exec(output)?.[1];
    if (port === 0 && printed !== undefined) url = printed;
    const known = port !== 0 || printed !== undefined;
    const ok =
      known &&
      (await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ));
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  return {
    url,
    child,
    output: () => output,
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
  };
}
