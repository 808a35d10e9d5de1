#!/usr/bin/env node
// The project's two entry points, for a machine that has only Node.js 20 and npm:
//   node scripts/run.mjs start   install, build, and start the built server on embedded defaults
//   node scripts/run.mjs test    install (plus Chromium, Redis and FerretDB when missing), lint, typecheck, build, run every test
// Plain Node, no dependencies: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFerretDb } from './ferretdb.mjs';
import { ensureTestSystemPackages } from './system-packages.mjs';
import { runTestSuite } from './test-suite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.8';

/** Environment for installs: native modules build against the running Node's own headers when they are there. */
function installEnv() {
  const env = { ...process.env };
  const nodeDir = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodeDir;
  }
  return env;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '-y', `pnpm@${PNPM_VERSION}`];
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: options.env ?? process.env });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(`"${[command, ...args].join(' ')}" failed (${why})`);
  }
}

function pnpm(args, options) {
  const [command, ...prefix] = pnpmCommand();
  run(command, [...prefix, ...args], options);
}

function install() {
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  pnpm(['install', ...frozen], { env: installEnv() });
}

function build() {
  pnpm(['-r', '--filter', './apps/*', 'run', 'build']);
}

async function main(command) {
  if (command === 'start') {
    install();
    build();
    // Plain node on the build output: no TypeScript loader or bundler at run time.
    run(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js']);
    return;
  }
  if (command === 'test') {
    install();
    ensureTestSystemPackages();
    ensureFerretDb();
    const [cmd, ...prefix] = pnpmCommand();
    const pnpmRun = (args) => run(cmd, [...prefix, ...args]);
    await runTestSuite({ root, pnpm: pnpmRun, build });
    return;
  }
  process.stderr.write('Usage: node scripts/run.mjs start|test\n');
  process.exit(2);
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`\n${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
