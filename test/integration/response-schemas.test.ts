import { analyticsResponseSchema } from '@hitl/shared/analytics';
import { conversationSearchResponseSchema } from '@hitl/shared/conversation-search';
import {
  articleListResponseSchema,
  articleResponseSchema,
  knowledgeGapsResponseSchema,
} from '@hitl/shared/knowledge';
import {
  agentListResponseSchema,
  agentResponseSchema,
  auditListResponseSchema,
  correctionStatsResponseSchema,
  draftListResponseSchema,
  featuresResponseSchema,
  loginResponseSchema,
  policyResponseSchema,
} from '@hitl/shared/rest';
import { correctionListResponseSchema, reviewItemListResponseSchema } from '@hitl/shared/review-items';
import { siteKeyListResponseSchema, siteKeyResponseSchema } from '@hitl/shared/site-keys';
import { thresholdAdviceResponseSchema } from '@hitl/shared/threshold-advice';
import { widgetSessionResponseSchema } from '@hitl/shared/widget-events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AGENT_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

/*
 * One protocol: what the console reads from each route is what the route's shared schema says — every
 * answer parses, and parsing keeps it whole (no field the schema does not know, none it fills in).
 */

let server: TestServer;
let token: string;
let adminEmail: string;

beforeAll(async () => {
  server = await startTestServer({ OVERSIGHT_MODE: 'approval' });
  const admin = await server.createAgent({ name: 'Ada Admin', role: 'admin' });
  token = admin.token;
  adminEmail = admin.agent.email;
  // Some data for the lists: a conversation escalated by request, and a held draft (approval mode).
  const { socket } = await server.connectVisitor();
  for (const text of ['How long does shipping take?', 'I want to talk to a person please']) {
    const sent = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
    if (!sent.ok) throw new Error(sent.error.message);
    await server.settle(socket);
  }
});
afterAll(() => server.close());

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

type Case = [label: string, schema: z.ZodType, request: () => Promise<Response>];

const cases: Case[] = [
  [
    'POST /api/auth/login',
    loginResponseSchema,
    () => call('POST', '/api/auth/login', { email: adminEmail, password: AGENT_PASSWORD }),
  ],
  ['GET /api/auth/me', agentResponseSchema, () => call('GET', '/api/auth/me')],
  ['GET /api/features', featuresResponseSchema, () => call('GET', '/api/features')],
  ['GET /api/admin/policy', policyResponseSchema, () => call('GET', '/api/admin/policy')],
  [
    'PUT /api/admin/policy',
    policyResponseSchema,
    async () => {
      const { policy } = (await (await call('GET', '/api/admin/policy')).json()) as { policy: unknown };
      return call('PUT', '/api/admin/policy', policy);
    },
  ],
  ['GET /api/admin/audit', auditListResponseSchema, () => call('GET', '/api/admin/audit?limit=20')],
  ['GET /api/admin/agents', agentListResponseSchema, () => call('GET', '/api/admin/agents')],
  ['GET /api/drafts', draftListResponseSchema, () => call('GET', '/api/drafts')],
  ['GET /api/corrections', correctionListResponseSchema, () => call('GET', '/api/corrections?status=any')],
  ['GET /api/corrections/stats', correctionStatsResponseSchema, () => call('GET', '/api/corrections/stats')],
  ['GET /api/review-items', reviewItemListResponseSchema, () => call('GET', '/api/review-items?status=any')],
  ['GET /api/threshold-advice', thresholdAdviceResponseSchema, () => call('GET', '/api/threshold-advice')],
  [
    'GET /api/analytics',
    analyticsResponseSchema,
    () =>
      call(
        'GET',
        `/api/analytics?from=${new Date().toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`,
      ),
  ],
  [
    'GET /api/conversations/search',
    conversationSearchResponseSchema,
    () => call('GET', '/api/conversations/search?q=person&limit=5'),
  ],
  ['GET /api/knowledge/articles', articleListResponseSchema, () => call('GET', '/api/knowledge/articles')],
  [
    'GET /api/knowledge/articles/:id',
    articleResponseSchema,
    async () => {
      const { articles } = (await (await call('GET', '/api/knowledge/articles')).json()) as {
        articles: { id: string }[];
      };
      return call('GET', `/api/knowledge/articles/${articles[0]?.id}`);
    },
  ],
  ['GET /api/knowledge/gaps', knowledgeGapsResponseSchema, () => call('GET', '/api/knowledge/gaps?days=30')],
  ['GET /api/admin/site-keys', siteKeyListResponseSchema, () => call('GET', '/api/admin/site-keys')],
  [
    'PATCH /api/admin/site-keys/:key',
    siteKeyResponseSchema,
    () => call('PATCH', '/api/admin/site-keys/demo', { greeting: 'Hello there!' }),
  ],
  [
    'POST /api/widget/session',
    widgetSessionResponseSchema,
    () => call('POST', '/api/widget/session', { siteKey: 'demo' }),
  ],
];

describe('the real server’s answers parse with their shared schemas', () => {
  it.each(cases)('%s', async (_, schema, request) => {
    const res = await request();
    expect(res.status).toBeLessThan(300);
    const body: unknown = await res.json();
    const parsed = schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(body);
  });

  it('the lists under test are not empty, so their items were checked too', async () => {
    const lists = await Promise.all(
      ['/api/drafts', '/api/conversations/search?q=person&limit=5', '/api/admin/audit?limit=5'].map(
        async (path) => Object.values((await (await call('GET', path)).json()) as object)[0] as unknown[],
      ),
    );
    for (const list of lists) expect(list.length).toBeGreaterThan(0);
  });
});
