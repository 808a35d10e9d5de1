import { existsSync } from 'node:fs';
import { bootServer } from './boot';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './lib/logger';

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { app, store, admin, close, startup } = await bootServer(config, logger);
  const { url } = await app.listen();
  // From the process's start, so that loading the code counts too: what an operator waits for.
  const readySeconds = process.uptime();
  logger.info({ seconds: Number(readySeconds.toFixed(2)), phases: startup }, 'ready');

  const lines = [
    '',
    `  Support platform is running (store: ${store.kind}, responder: ${app.ctx.responder.name})`,
    `  Demo shop with the widget:  ${url}/`,
    `  Agent console:              ${url}/console/`,
    `  Health / metrics:           ${url}/healthz  ${url}/metrics`,
    `  Ready in ${readySeconds.toFixed(2)} s (process start to listening, knowledge base and model loaded)`,
    admin.password
      ? `  First agent login:          ${admin.email} / ${admin.password}   (shown once: keep it)`
      : `  Agent login:                ${admin.email} (${admin.created ? 'password from ADMIN_PASSWORD' : 'password set at first start or by ADMIN_PASSWORD'})`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(
    `Failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
