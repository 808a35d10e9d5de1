// Builds FerretDB v1 (a MongoDB-compatible server on SQLite) once into a cache folder, for the
// mongoose store's tests, unless MONGODB_URI points at a real MongoDB. Go modules come from the
// Go module proxy; nothing prebuilt is downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FERRETDB_VERSION = 'v1.24.1';
export const ferretDbBin = process.env.FERRETDB_BIN ?? path.join(os.homedir(), '.cache', 'hitl-support', 'bin', 'ferretdb');

function findGo() {
  for (const candidate of ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    const probe = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

export function ensureFerretDb() {
  if (process.env.MONGODB_URI || existsSync(ferretDbBin)) return;
  const go = findGo();
  if (!go) {
    throw new Error(
      'The MongoDB store tests need MONGODB_URI or FerretDB, which is built with Go. Install Go (https://go.dev/dl/) or set MONGODB_URI.',
    );
  }
  process.stdout.write(`Building FerretDB ${FERRETDB_VERSION} into ${path.dirname(ferretDbBin)} (once; about two minutes)…\n`);
  const result = spawnSync(go, ['install', `github.com/FerretDB/FerretDB/cmd/ferretdb@${FERRETDB_VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: path.dirname(ferretDbBin), GOFLAGS: '-mod=mod' },
  });
  if (result.status !== 0 || !existsSync(ferretDbBin)) throw new Error('Building FerretDB failed.');
}
