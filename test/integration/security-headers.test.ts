import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let email: string;

beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: 'loopback' });
  email = 'sam@example.com';
  await server.createAgent({ email });
});
afterAll(() => server.close());

const get = (path: string) => fetch(`${server.url}${path}`);
const login = (headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: AGENT_PASSWORD }),
  });

describe('security headers', () => {
  it.each(['/api/auth/me', '/api/nothing-here', '/console/', '/', '/widget.js', '/healthz'])(
    '%s: nosniff, a referrer policy, no framing by other sites',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-frame-options')).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('the API is never cached and runs nothing as a page', async () => {
    const res = await get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('the console: same-origin scripts and styles only, and no page may frame it', async () => {
    const csp = (await get('/console/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('the demo page may be framed by its own origin only', async () => {
    const res = await get('/');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect((await get('/demo.css')).headers.get('content-type')).toMatch(/text\/css/);
  });

  it('the widget script may be loaded by other sites', async () => {
    const res = await get('/widget.js');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await get('/console/')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('the session cookie is Secure behind a trusted TLS proxy, and only then', async () => {
    const plain = await login();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const proxied = await login({ 'x-forwarded-proto': 'https' });
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    expect(proxied.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  });
});

describe('an untrusted proxy', () => {
  it('cannot make the cookie Secure by saying so', async () => {
    const untrusting = await startTestServer({ TRUST_PROXY: 'false' });
    try {
      await untrusting.createAgent({ email });
      const res = await fetch(`${untrusting.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ email, password: AGENT_PASSWORD }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    } finally {
      await untrusting.close();
    }
  });
});

describe('who may see what', () => {
  it('an unredacted export is for admins only, and written to the audit trail', async () => {
    const agent = await server.createAgent({ role: 'agent' });
    const reviewer = await server.createAgent({ role: 'reviewer' });
    const admin = await server.createAgent({ role: 'admin', name: 'Ada Admin' });
    const exportAs = (token: string, redact: boolean) =>
      fetch(`${server.url}/api/exports/corrections?format=csv&status=any&redact=${redact}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    for (const who of [agent, reviewer]) {
      const refused = await exportAs(who.token, false);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      expect((await exportAs(who.token, true)).status).toBe(200);
    }
    const before = await server.store.listAudit(100);
    expect(before.some((e) => e.action === 'export.unredacted')).toBe(false);
    const raw = await exportAs(admin.token, false);
    expect(raw.status).toBe(200);
    await raw.text();
    const audit = await server.store.listAudit(100);
    const entry = audit.find((e) => e.action === 'export.unredacted');
    expect(entry?.actor?.name).toBe('Ada Admin');
  });
});

describe('/metrics behind a token', () => {
  it('answers only with the token', async () => {
    const guarded = await startTestServer({ METRICS_TOKEN: 'metrics-token-0123456789' });
    try {
      const without = await fetch(`${guarded.url}/metrics`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toMatch(/Bearer/);
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: 'Bearer metrics-token-0123456789' },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('# HELP');
      expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
