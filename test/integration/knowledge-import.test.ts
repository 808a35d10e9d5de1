import type { ImportResult, KnowledgeArticle } from '@hitl/shared/knowledge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../apps/server/src/knowledge/knowledge-base';
import { askAsCustomer, GIFT_WRAP, knowledgeCalls, type Login } from '../support/knowledge-api';
import { type StoreKind, storeKinds } from '../support/store-kinds';
import { startTestServer, type TestServer } from '../support/test-server';

describe.each(storeKinds)('importing and exporting the knowledge base (%s store)', (kind: StoreKind) => {
  let server: TestServer;
  let rita: Login;
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
    ana = await server.createAgent({ name: 'Ana Agent', role: 'agent' });
    admin = await server.createAgent({ name: 'Adam Admin', role: 'admin' });
    const created = await api(rita, 'POST', '/knowledge/articles', GIFT_WRAP);
    expect(created.status).toBe(201);
  });
  afterAll(() => server?.close());

  it('imports all or nothing: a file with one bad article writes nothing and names every problem', async () => {
    const count = (await audit()).length;
    const markdown = [
      '## Engraving',
      'id: engraving | topic: products',
      '',
      'We engrave knives and boards for $10, up to 20 characters.',
      '',
      '- do you offer engraving?',
      '- can you engrave my knife',
      '',
      '## Broken',
      'topic: nowhere',
      '',
      'An answer.',
    ].join('\n');
    const preview = await api<ImportResult>(
      rita,
      'POST',
      '/knowledge/import?format=markdown&dryRun=true',
      markdown,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, applied: false, created: 1, updated: 0 });
    expect(preview.body.problems).toEqual([
      { where: 'line 9', message: expect.stringMatching(/^topic: /) },
      { where: 'line 9', message: 'examples: needs at least one example question' },
    ]);
    const refused = await api(rita, 'POST', '/knowledge/import?format=markdown', markdown);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('invalid_payload');
    expect(refused.body.error?.message).toContain('line 9');
    expect((await api(ana, 'GET', '/knowledge/articles/engraving')).status).toBe(404);
    expect((await audit()).length).toBe(count);

    const byAgent = await api(ana, 'POST', '/knowledge/import?format=markdown&dryRun=true', markdown);
    expect(byAgent.status).toBe(403);
    const asJson = await api(rita, 'POST', '/knowledge/import?format=json', [GIFT_WRAP]);
    expect(asJson.status).toBe(400);
  });

  it('previews and imports CSV: created, updated and unchanged counted, each change audited', async () => {
    const csv = [
      'id,title,topic,answer,examples',
      'engraving,Engraving,products,"We engrave knives for $10.","do you offer engraving?\ncan you engrave my knife"',
      `gift-wrapping,Gift wrapping,products,Gift wrapping costs $6 per order.,"${GIFT_WRAP.examples.join('\n')}"`,
      `${exportRow(await getArticle('shipping-times'))}`,
    ].join('\n');
    const preview = await api<ImportResult>(rita, 'POST', '/knowledge/import?format=csv&dryRun=true', csv);
    expect(preview.body).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 1,
      problems: [],
      applied: false,
    });
    expect((await api(ana, 'GET', '/knowledge/articles/engraving')).status).toBe(404);

    const done = await api<ImportResult>(rita, 'POST', '/knowledge/import?format=csv', csv);
    expect(done.body).toMatchObject({ created: 1, updated: 1, unchanged: 1, applied: true });
    expect(await getArticle('gift-wrapping')).toMatchObject({
      answer: 'Gift wrapping costs $6 per order.',
      version: 2,
    });
    expect((await getArticle('shipping-times')).version).toBe(1);
    const events = await audit();
    expect(events.find((e) => e.action === 'knowledge.imported')?.data).toEqual({
      format: 'csv',
      created: 1,
      updated: 1,
      unchanged: 1,
    });
    expect(
      events.find((e) => e.action === 'knowledge.created' && e.target === 'engraving')?.data,
    ).toMatchObject({
      via: 'import:csv',
    });
    const { socket } = await server.connectVisitor();
    expect((await askAsCustomer(socket, 'Can you engrave my new knife?')).reply.text).toBe(
      'We engrave knives for $10.',
    );
  });

  it('refuses an anonymous caller, a bad format, a too large or non-text import body', async () => {
    const anonymous = await fetch(`${server.url}/api/knowledge/articles`);
    expect(anonymous.status).toBe(401);
    for (const path of [
      '/knowledge/import?format=docx',
      '/knowledge/import',
      '/knowledge/import?format=csv&dryRun=maybe',
    ]) {
      const res = await api(rita, 'POST', path, 'id,title\n');
      expect(res.status, path).toBe(400);
      expect(res.body.error?.code).toBe('invalid_payload');
    }
    expect((await api(ana, 'GET', '/knowledge/export?format=pdf')).status).toBe(400);
    const huge = await api(rita, 'POST', '/knowledge/import?format=csv', 'x'.repeat(3 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('payload_too_large');
  });

  it('exports in the three formats, which import back unchanged', async () => {
    for (const format of ['json', 'csv', 'markdown'] as const) {
      const res = await fetch(`${server.url}/api/knowledge/export?format=${format}`, {
        headers: { authorization: `Bearer ${ana.token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('knowledge-base.');
      const file = await res.text();
      const back = await api<ImportResult>(
        rita,
        'POST',
        `/knowledge/import?format=${format}&dryRun=true`,
        file,
      );
      expect(back.body.problems).toEqual([]);
      expect(back.body.created + back.body.updated).toBe(0);
      expect(back.body.unchanged).toBe(loadKnowledgeBase().length + 2);
    }
  });
});

function exportRow(article: KnowledgeArticle): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    article.id,
    quote(article.title),
    article.topic,
    quote(article.answer),
    quote(article.examples.join('\n')),
  ].join(',');
}
