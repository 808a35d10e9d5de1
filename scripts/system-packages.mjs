// Installs the system programs the tests drive, from Debian's packages, when they are missing.
// Nothing downloads a browser build of its own: the browser is Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { check: '/usr/bin/chromium', packages: ['chromium'] },
  { check: '/usr/bin/redis-server', packages: ['redis-server'] },
];

let updated = false;

function apt(args) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
}

export function ensureTestSystemPackages() {
  const missing = needed.filter((n) => !existsSync(n.check)).flatMap((n) => n.packages);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `The tests need ${missing.join(', ')}. Install them (e.g. sudo apt-get install -y ${missing.join(' ')}) and run again.`,
    );
  }
  process.stdout.write(`Installing ${missing.join(', ')} from Debian packages…\n`);
  if (!updated) {
    apt(['update', '-qq']);
    updated = true;
  }
  apt(['install', '-y', '-qq', ...missing]);
}
