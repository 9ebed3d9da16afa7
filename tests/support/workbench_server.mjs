// The services a browser test needs, started by the test itself: a demo
// database (SQLite, in a scratch folder) and `arrears serve` on a free port
// with the time injected, stopped by the process id it started.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';

const binary = process.env.ARREARS_BINARY;
const source = process.env.ARREARS_SOURCE_DIR;
if (!binary || !source) throw new Error('ARREARS_BINARY and ARREARS_SOURCE_DIR must be set (ctest sets them)');

// 10:00 in Shanghai: within the permitted contact hours.
export const NOW = '2026-11-28T10:00:00+08:00';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startServer({ customers = 300 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'arrears-web-'));
  const db = `sqlite:${join(dir, 'arrears.db')}`;
  const common = ['--db', db, '--key-file', join(dir, 'arrears.key')];
  const env = { ...process.env, ARREARS_NOW: NOW };
  execFileSync(binary, ['demo', 'setup', '--customers', String(customers), ...common, '--data-dir', join(dir, 'demo'),
    '--rules-dir', join(source, 'config/rules'), '--policy', join(source, 'config/workflow.yaml'),
    '--strategy', join(source, 'config/strategies/default.yaml'), '--allocation', join(source, 'config/allocation.yaml'),
    '--templates', join(source, 'config/templates'), '--scripts', join(source, 'config/scripts')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await freePort();
  const server = spawn(binary, ['serve', ...common, '--listen', `127.0.0.1:${port}`, '--quiet',
    '--static', join(source, 'web/dist'), '--rules-dir', join(source, 'config/rules'),
    '--policy', join(source, 'config/workflow.yaml')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; ++i) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || server.exitCode !== null) throw new Error(`arrears serve did not start (exit ${server.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    data: join(dir, 'demo'),  // the demo's import files
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A signed-in API client, to compare what the page shows with what the API says.
export async function apiAs(url, login, password = 'Demo2026pass') {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in as ${login}: ${response.status}`);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await response.json();
  return {
    async get(path) {
      const r = await fetch(`${url}/api/v1${path}`, { headers: { Cookie: cookie } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status}`);
      return r.json();
    },
    async post(path, body) {
      const r = await fetch(`${url}/api/v1${path}`, {
        method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
  };
}
