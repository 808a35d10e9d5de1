import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../apps/server/src/knowledge/knowledge-base';
import { askAsCustomer, GIFT_WRAP, knowledgeCalls, type Login } from '../support/knowledge-api';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { startTestServer, type TestServer } from '../support/test-server';

const { id: _id, ...GIFT_WRAP_CONTENT } = GIFT_WRAP;
const GIFT_WRAP_PARAPHRASE = 'Could you gift wrap my order please?';

describe.each(storeKinds)('the knowledge base over REST (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let rita: Login;
  let rui: Login;
  let ana: Login;
  let admin: Login;
  const { api, audit, getArticle } = knowledgeCalls(
    () => server.url,
    () => admin,
    () => ana,
  );

  beforeAll(async () => {
    server = await startTestServer({}, { store: kind });
    rita = await server.createAgent({ name: 'Rita Reviewer', role: 'reviewer' });
    rui = await server.createAgent({ name: 'Rui Reviewer', role: 'reviewer' });
    ana = await server.createAgent({ name: 'Ana Agent', role: 'agent' });
    admin = await server.createAgent({ name: 'Adam Admin', role: 'admin' });
  });
  afterAll(() => server?.close());

  it('is seeded from the knowledge-base file on first start, once', async () => {
    const { status, body } = await api<{ articles: KnowledgeArticle[] }>(ana, 'GET', '/knowledge/articles');
    expect(status).toBe(200);
    const shipped = loadKnowledgeBase();
    expect(body.articles.map((a) => a.id).sort()).toEqual(shipped.map((a) => a.id).sort());
    expect(body.articles.every((a) => a.status === 'active' && a.version === 1 && a.createdBy === null)).toBe(
      true,
    );
    expect((await audit()).filter((e) => e.action === 'knowledge.seeded')).toHaveLength(1);
  });

  it('searches and filters the list', async () => {
    const { body } = await api<{ articles: KnowledgeArticle[] }>(
      ana,
      'GET',
      '/knowledge/articles?search=GIFT%20card',
    );
    expect(body.articles.map((a) => a.id)).toContain('gift-cards');
    expect(body.articles.every((a) => JSON.stringify(a).toLowerCase().includes('gift card'))).toBe(true);
    const retired = await api<{ articles: KnowledgeArticle[] }>(
      ana,
      'GET',
      '/knowledge/articles?status=retired',
    );
    expect(retired.body.articles).toEqual([]);
    const bad = await api(ana, 'GET', '/knowledge/articles?status=gone');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_payload');
  });

  it('teaches the bot a new article at once: a customer asking a paraphrase gets its answer', async () => {
    const { socket } = await server.connectVisitor();
    const before = await askAsCustomer(socket, GIFT_WRAP_PARAPHRASE);
    expect(before.reply.role).toBe('system');
    expect(['escalated', 'no_agent_online']).toContain(before.reply.notice);

    const created = await api<{ article: KnowledgeArticle }>(rita, 'POST', '/knowledge/articles', GIFT_WRAP);
    expect(created.status).toBe(201);
    expect(created.body.article).toMatchObject({ ...GIFT_WRAP, status: 'active', version: 1 });
    expect(created.body.article.createdBy).toEqual({ id: rita.agent.id, name: rita.agent.name });

    const other = await server.connectVisitor();
    const after = await askAsCustomer(other.socket, GIFT_WRAP_PARAPHRASE);
    expect(after.reply.role).toBe('bot');
    expect(after.reply.text).toBe(GIFT_WRAP.answer);
    expect(after.reply.bot?.sources).toEqual([{ id: GIFT_WRAP.id, title: GIFT_WRAP.title }]);
    const events = await audit();
    expect(events.find((e) => e.action === 'knowledge.created' && e.target === GIFT_WRAP.id)).toMatchObject({
      actor: { id: rita.agent.id, name: rita.agent.name },
      data: { version: 1 },
    });
  });

  it('refuses edits from agents (403) and bad input (400), changing nothing', async () => {
    const count = (await audit()).length;
    const forbidden = await api(ana, 'POST', '/knowledge/articles', { ...GIFT_WRAP, id: 'by-ana' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.code).toBe('forbidden');
    const stale = await api(ana, 'PUT', `/knowledge/articles/${GIFT_WRAP.id}`, {
      ...GIFT_WRAP_CONTENT,
      expectedVersion: 1,
    });
    expect(stale.status, JSON.stringify(stale.body)).toBe(403);

    for (const body of [
      { ...GIFT_WRAP, id: 'no-examples', examples: [] },
      { ...GIFT_WRAP, id: 'bad-topic', topic: 'weather' },
      { ...GIFT_WRAP, id: 'Not Kebab' },
      { ...GIFT_WRAP, id: 'twice', examples: ['Same?', 'same'] },
      { ...GIFT_WRAP, id: 'extra', colour: 'blue' },
      { ...GIFT_WRAP, id: 'empty-answer', answer: '   ' },
    ]) {
      const res = await api(rita, 'POST', '/knowledge/articles', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe('invalid_payload');
    }
    const update = await api(rita, 'PUT', `/knowledge/articles/${GIFT_WRAP.id}`, { ...GIFT_WRAP_CONTENT });
    expect(update.status).toBe(400);
    const operator = await api(rita, 'GET', '/knowledge/articles/%7B%22%24gt%22%3A%22%22%7D');
    expect(operator.status).toBe(400);
    const duplicate = await api(rita, 'POST', '/knowledge/articles', GIFT_WRAP);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.code).toBe('conflict');

    expect((await getArticle(GIFT_WRAP.id)).version).toBe(1);
    expect((await api(ana, 'GET', '/knowledge/articles/no-examples')).status).toBe(404);
    expect((await audit()).length).toBe(count);
  });

  it('answers 409 naming who changed an article when an edit is over a stale version', async () => {
    const first = await api<{ article: KnowledgeArticle }>(
      rita,
      'PUT',
      `/knowledge/articles/${GIFT_WRAP.id}`,
      {
        ...GIFT_WRAP_CONTENT,
        answer: 'Gift wrapping costs $5 per order.',
        expectedVersion: 1,
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.article).toMatchObject({ version: 2, updatedBy: { id: rita.agent.id } });

    const late = await api(rui, 'PUT', `/knowledge/articles/${GIFT_WRAP.id}`, {
      ...GIFT_WRAP_CONTENT,
      title: 'Wrapping',
      expectedVersion: 1,
    });
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('conflict');
    expect(late.body.error?.message).toContain('Rita Reviewer');
    expect(await getArticle(GIFT_WRAP.id)).toMatchObject({ title: GIFT_WRAP.title, version: 2 });
    const updated = (await audit()).filter(
      (e) => e.action === 'knowledge.updated' && e.target === GIFT_WRAP.id,
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]?.data).toMatchObject({ version: 2, changed: ['answer'] });
  });

  it('retires an article (kept, never answered from) and restores it', async () => {
    const retired = await api<{ article: KnowledgeArticle }>(
      rita,
      'POST',
      `/knowledge/articles/${GIFT_WRAP.id}/retire`,
      {
        expectedVersion: 2,
      },
    );
    expect(retired.body.article).toMatchObject({ status: 'retired', version: 3 });
    const { socket } = await server.connectVisitor();
    const asked = await askAsCustomer(socket, GIFT_WRAP.examples[0] as string);
    expect(asked.reply.bot?.sources.map((s) => s.id) ?? []).not.toContain(GIFT_WRAP.id);
    expect(asked.reply.text).not.toContain('Gift wrapping costs');

    const again = await api(rita, 'POST', `/knowledge/articles/${GIFT_WRAP.id}/retire`, {
      expectedVersion: 3,
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('invalid_state');
    const restored = await api<{ article: KnowledgeArticle }>(
      admin,
      'POST',
      `/knowledge/articles/${GIFT_WRAP.id}/restore`,
      {
        expectedVersion: 3,
      },
    );
    expect(restored.body.article).toMatchObject({ status: 'active', version: 4 });
    const other = await server.connectVisitor();
    expect((await askAsCustomer(other.socket, GIFT_WRAP.examples[0] as string)).reply.text).toBe(
      'Gift wrapping costs $5 per order.',
    );
    const actions = (await audit()).filter((e) => e.target === GIFT_WRAP.id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['knowledge.retired', 'knowledge.restored']));
  });
});
