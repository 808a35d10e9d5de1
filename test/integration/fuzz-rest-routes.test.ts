import { errorCodes, httpStatusByCode } from '@hitl/shared/errors';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzPayload, hostileValue } from '../support/fuzz-payloads';
import { fingerprintStore } from '../support/store-fingerprint';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Every REST route gets generated requests: arbitrary and hostile JSON bodies, valid bodies with one field
 * changed, hostile query strings (operator keys such as `limit[$gt]`, unknown keys, wrong types) and hostile
 * path ids, as an admin, a plain agent and someone without a session. Each answer is a success or an error
 * whose code is in the closed set and matches its status, never a 5xx; a refused request leaves the store as
 * it was. A fixed seed makes a failure reproducible (fast-check prints it).
 */
const SEED = 20261202;
const RUNS_PER_ROUTE = 170;
/** Within the 64 KB JSON body limit once quoted; a bigger body is a 413, also checked. */
const HUGE = 60 * 1024;

type Role = 'admin' | 'agent' | 'anonymous';
interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `:id` is replaced by a generated id or the valid one. */
  path: string;
  validId?: () => string;
  query?: string[];
  body?: () => Record<string, unknown>;
  /** Not with the fuzzed roles' sessions: a logout would end them. */
  anonymousOnly?: boolean;
  text?: boolean;
}

let server: TestServer;
const tokens: Record<Role, string | null> = { admin: null, agent: null, anonymous: null };
const valid = {
  conversation: '',
  article: '',
  articleVersion: 1,
  canned: '',
  policy: {} as Record<string, unknown>,
};
let generated = 0;

beforeAll(async () => {
  // Thousands of requests from 127.0.0.1, logins and widget sessions among them: the per-address limits would
  // answer most with 429 before validation had a say, so they are off here (rate-limits.test.ts covers them).
  server = await startTestServer({
    RATE_LIMIT_LOGIN_ACCOUNT: 'off',
    RATE_LIMIT_LOGIN_IP: 'off',
    RATE_LIMIT_WIDGET_SESSION_IP: 'off',
  });
  tokens.admin = (await server.createAgent({ role: 'admin' })).token;
  tokens.agent = (await server.createAgent({ role: 'agent' })).token;
  const visitor = await server.connectVisitor();
  const sent = await visitor.socket.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'How long does delivery take?',
  });
  if (!sent.ok) throw new Error(`send refused: ${sent.error.code}`);
  valid.conversation = sent.data.conversation.id;
  await server.settle(visitor.socket);
  const article = (await server.store.listArticles())[0];
  if (!article) throw new Error('no article in the knowledge base');
  valid.article = article.id;
  valid.articleVersion = article.version;
  const canned = (await server.store.listCannedResponses())[0];
  if (!canned) throw new Error('no canned response was seeded');
  valid.canned = canned.id;
  const policy = await call('admin', 'GET', '/api/admin/policy');
  valid.policy = (policy.body as { policy?: Record<string, unknown> }).policy ?? (policy.body as never);
});
afterAll(async () => {
  expect(generated).toBeGreaterThanOrEqual(RUNS_PER_ROUTE * routes().length);
  await server?.close();
});

const article = () => ({
  title: 'Gift cards',
  topic: 'orders',
  answer: 'Gift cards never expire.',
  examples: ['Do gift cards expire?'],
});

const routes = (): RouteCase[] => [
  { method: 'POST', path: '/api/widget/session', body: () => ({ siteKey: 'demo', token: null }) },
  {
    method: 'POST',
    path: '/api/auth/login',
    body: () => ({ email: 'nobody@example.com', password: 'guess' }),
  },
  { method: 'POST', path: '/api/auth/logout', body: () => ({ all: true }), anonymousOnly: true },
  { method: 'GET', path: '/api/auth/me', query: ['x'] },
  { method: 'GET', path: '/api/conversations', query: ['states', 'limit', 'before', 'search'] },
  {
    method: 'GET',
    path: '/api/conversations/search',
    query: ['q', 'state', 'reason', 'topic', 'agentId', 'siteKey', 'from', 'to', 'cursor', 'limit'],
  },
  { method: 'GET', path: '/api/conversations/:id', validId: () => valid.conversation, query: ['afterSeq'] },
  {
    method: 'POST',
    path: '/api/conversations/:id/email-replies',
    validId: () => valid.conversation,
    body: () => ({ clientId: crypto.randomUUID(), text: 'Your parcel left today.' }),
  },
  { method: 'GET', path: '/api/features', query: ['x'] },
  { method: 'GET', path: '/api/team', query: ['x'] },
  { method: 'PUT', path: '/api/admin/assignment', body: () => ({ mode: 'manual' }) },
  { method: 'GET', path: '/api/conversations/:id/timeline', validId: () => valid.conversation, query: ['x'] },
  { method: 'GET', path: '/api/drafts', query: ['limit'] },
  {
    method: 'GET',
    path: '/api/corrections',
    query: ['status', 'kind', 'reason', 'limit', 'offset', 'since'],
  },
  { method: 'GET', path: '/api/corrections/stats', query: ['status', 'since', 'until', 'topic'] },
  {
    method: 'POST',
    path: '/api/corrections/:id/review',
    validId: () => 'cor_missing',
    body: () => ({ status: 'approved', note: 'ok', expectedStatus: 'pending' }),
  },
  { method: 'GET', path: '/api/exports/corrections', query: ['format', 'redact', 'dedup', 'status'] },
  { method: 'GET', path: '/api/admin/policy', query: ['x'] },
  { method: 'PUT', path: '/api/admin/policy', body: () => structuredClone(valid.policy) },
  { method: 'GET', path: '/api/admin/audit', query: ['limit'] },
  { method: 'GET', path: '/api/threshold-advice', query: ['accuracy'] },
  { method: 'GET', path: '/api/analytics', query: ['from', 'to', 'siteKey', 'topic', 'accuracy'] },
  {
    method: 'POST',
    path: '/api/admin/threshold-advice/apply',
    body: () => ({ topic: 'shipping', accuracy: 0.95 }),
  },
  { method: 'GET', path: '/api/review-items', query: ['status', 'order', 'limit'] },
  { method: 'GET', path: '/api/knowledge/articles', query: ['search', 'status'] },
  { method: 'POST', path: '/api/knowledge/articles', body: article },
  { method: 'GET', path: '/api/knowledge/articles/:id', validId: () => valid.article },
  {
    method: 'PUT',
    path: '/api/knowledge/articles/:id',
    validId: () => valid.article,
    body: () => ({ ...article(), expectedVersion: 999_999 }),
  },
  {
    method: 'POST',
    path: '/api/knowledge/articles/:id/retire',
    validId: () => valid.article,
    body: () => ({ expectedVersion: 999_999 }),
  },
  {
    method: 'POST',
    path: '/api/knowledge/articles/:id/restore',
    validId: () => valid.article,
    body: () => ({ expectedVersion: 999_999 }),
  },
  { method: 'POST', path: '/api/knowledge/import', query: ['format', 'mode', 'dryRun'], text: true },
  { method: 'GET', path: '/api/knowledge/export', query: ['format'] },
  { method: 'GET', path: '/api/knowledge/gaps', query: ['days', 'limit'] },
  { method: 'GET', path: '/api/admin/site-keys', query: ['x'] },
  {
    method: 'POST',
    path: '/api/admin/site-keys',
    body: () => ({ key: 'kiosk', name: 'Kiosk', origins: ['https://kiosk.example'], greeting: 'Hello!' }),
  },
  {
    method: 'PATCH',
    path: '/api/admin/site-keys/:id',
    validId: () => 'demo',
    body: () => ({ origins: ['self', 'http://localhost:8080'], greeting: 'Hi there!' }),
  },
  { method: 'GET', path: '/api/canned-responses', query: ['x'] },
  {
    method: 'POST',
    path: '/api/canned-responses',
    body: () => ({ title: 'Gift cards', shortcut: 'gift-cards', text: 'Gift cards never expire, {name}.' }),
  },
  {
    method: 'PUT',
    path: '/api/canned-responses/:id',
    validId: () => valid.canned,
    body: () => ({ title: 'Shipping', shortcut: 'refund', text: 'Taken shortcut: a 409.' }),
  },
  // The valid id is never one of the seeded ones, which the PUT above needs: it names a missing one.
  { method: 'DELETE', path: '/api/canned-responses/:id', validId: () => 'can_missing' },
  { method: 'GET', path: '/api/no-such-route', query: ['x'] },
];

async function call(
  role: Role,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
) {
  const headers: Record<string, string> = {};
  const token = tokens[role];
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = contentType;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if (res.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
  return { status: res.status, body: parsed, contentType: res.headers.get('content-type') ?? '' };
}

/** Query strings as a hostile client writes them: known and unknown keys, bracket operators, odd values. */
function queryString(keys: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    fc.constantFrom(...keys),
    fc.constantFrom(...keys).map((k) => `${k}[$gt]`),
    fc.constantFrom(...keys).map((k) => `${k}[]`),
    fc.constantFrom('__proto__', '__proto__[role]', 'constructor[prototype][x]', '$where'),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', '-1', '0', '1e308', 'NaN', 'true', 'null', '[]', '{"$gt":""}', 'any', 'pending'),
    fc.integer({ min: 1, max: 2000 }).map((n) => 'x'.repeat(n)),
    fc.integer().map(String),
  );
  // Half the time only the route's own keys with plausible values, so most reach the handler itself.
  const plausible = fc.oneof(
    fc.integer({ min: 0, max: 400 }).map(String),
    fc.constantFrom(
      'any',
      'pending',
      'approved',
      'active',
      'csv',
      'jsonl',
      'openai-chat',
      'true',
      'false',
      'bot',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  return fc
    .oneof(
      fc.array(fc.tuple(key, value), { maxLength: 5 }),
      fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), plausible), { maxLength: 2, selector: ([k]) => k }),
    )
    .map((pairs) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`));
}

function pathId(validId: () => string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(null).map(() => validId()),
    fc.string({ minLength: 1, maxLength: 80 }),
    fc.constantFrom('..', '%2e%2e', '__proto__', 'constructor', '{"$gt":""}', ' ', 'x'.repeat(5000)),
  );
}

async function checkRoute(route: RouteCase) {
  let baseline = await fingerprintStore(server.store);
  let refused = 0;
  const role = route.anonymousOnly
    ? fc.constant<Role>('anonymous')
    : fc.constantFrom<Role>('admin', 'agent', 'anonymous');
  const id = route.validId ? pathId(route.validId) : fc.constant('');
  const query = route.query ? queryString(route.query) : fc.constant('');
  const body: fc.Arbitrary<{ text: string; type: string } | undefined> = route.text
    ? fc.oneof(
        fc.string({ unit: 'binary', maxLength: 2000 }).map((text) => ({ text, type: 'text/plain' })),
        fc
          .constantFrom('{"$gt":""}', 'title,answer\n=1+1,x', '\u0000\u0000')
          .map((text) => ({ text, type: 'text/csv' })),
        hostileValue(HUGE).map((v) => ({ text: JSON.stringify(v) ?? 'null', type: 'application/json' })),
      )
    : route.body
      ? fuzzPayload(route.body(), HUGE).map((v) => ({
          text: JSON.stringify(v) ?? 'null',
          type: 'application/json',
        }))
      : fc.constant(undefined);
  await fc.assert(
    fc.asyncProperty(role, id, query, body, async (who, rawId, qs, payload) => {
      generated++;
      const path = route.path.replace(':id', encodeURIComponent(rawId)) + qs;
      const res = await call(who, route.method, path, payload?.text, payload?.type);
      expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
      if (res.status < 400) {
        // A generated request that happens to be valid may change the store (an article created).
        baseline = await fingerprintStore(server.store);
        return;
      }
      refused++;
      expect(res.contentType).toContain('application/json');
      const error = (res.body as { error?: { code: string; message: unknown } }).error;
      expect(errorCodes).toContain(error?.code);
      expect(error?.code).not.toBe('internal');
      expect(httpStatusByCode[error?.code as keyof typeof httpStatusByCode]).toBe(res.status);
      expect(typeof error?.message).toBe('string');
      expect(await fingerprintStore(server.store), 'a refused request changes nothing').toBe(baseline);
    }),
    { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
  );
  // A third of the requests come without a session, and most bodies are wrong: some must be refused.
  expect(refused).toBeGreaterThan(RUNS_PER_ROUTE / 5);
}

describe('fuzzing every REST route', () => {
  it.each(routes().map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s',
    async (_name, route) => {
      await checkRoute(route);
    },
    120_000,
  );
});
