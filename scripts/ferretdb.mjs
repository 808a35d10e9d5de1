// Builds FerretDB v1 (a MongoDB-compatible server on SQLite) once into a cache folder, for the
// mongoose store's tests, unless MONGODB_URI points at a real MongoDB. Go modules come from the
// Go module proxy; nothing prebuilt is downloaded.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FERRETDB_VERSION = 'v1.24.1';
export const ferretDbBin =
  process.env.FERRETDB_BIN ?? path.join(os.homedir(), '.cache', 'hitl-support', 'bin', 'ferretdb');

function findGo() {
  for (const candidate of ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go']) {
    const probe = spawnSync(candidate, ['version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/**
 * `go install …/ferretdb@v1.24.1` builds a binary that panics at start: the module lacks the generated
 * build/version/version.txt. So: download the module, copy it somewhere writable, write that file, build.
 */
export function ensureFerretDb() {
  if (process.env.MONGODB_URI || existsSync(ferretDbBin)) return;
  const go = findGo();
  if (!go) {
    throw new Error(
      'The MongoDB store tests need MONGODB_URI or FerretDB, which is built with Go. Install Go (https://go.dev/dl/) or set MONGODB_URI.',
    );
  }
  process.stdout.write(
    `Building FerretDB ${FERRETDB_VERSION} into ${path.dirname(ferretDbBin)} (once; about two minutes)…\n`,
  );
  const env = { ...process.env, GOFLAGS: '-mod=mod' };
  const download = spawnSync(
    go,
    ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`],
    {
      encoding: 'utf8',
      env,
      cwd: os.tmpdir(),
    },
  );
  if (download.status !== 0) throw new Error(`Downloading the FerretDB module failed:\n${download.stderr}`);
  const moduleDir = JSON.parse(download.stdout).Dir;
  const work = mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'));
  try {
    cpSync(moduleDir, work, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', work]);
    writeFileSync(path.join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    mkdirSync(path.dirname(ferretDbBin), { recursive: true });
    const build = spawnSync(go, ['build', '-o', ferretDbBin, './cmd/ferretdb'], {
      stdio: 'inherit',
      env,
      cwd: work,
    });
    if (build.status !== 0 || !existsSync(ferretDbBin)) throw new Error('Building FerretDB failed.');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
