import type { Conversation, Message } from '@hitl/shared/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';

let server: TestServer;

const send = (socket: WidgetClient, text: string) =>
  socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });

/** The value of one sample of the exposition text, or null when it is absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

const scrape = async () => (await fetch(`${server.url}/metrics`)).text();

beforeAll(async () => {
  server = await startTestServer({ OVERSIGHT_MODE: 'approval' });
});
afterAll(() => server.close());

describe('/metrics', () => {
  it('reports sockets by namespace, the queue and its oldest wait, pending drafts, responder latency and exports', async () => {
    const before = await scrape();
    expect(sample(before, 'hitl_queue_length')).toBe(0);
    expect(sample(before, 'hitl_queue_oldest_wait_seconds')).toBe(0);
    expect(sample(before, 'hitl_drafts_pending')).toBe(0);

    const { token } = await server.createAgent({ role: 'admin', name: 'Ada Admin' });
    const agent = await server.connectAgent(token);
    const { socket: asking } = await server.connectVisitor();
    const draft = waitForEvent<Message>(agent as never, 'draft:created');
    await send(asking, 'how long does shipping take?');
    await draft;

    const { socket: waiting } = await server.connectVisitor();
    const escalated = waitForEvent<Conversation>(agent as never, 'conversation:escalated');
    await send(waiting, 'I want to talk to a human please');
    expect((await escalated).state).toBe('queued');

    const exported = await fetch(`${server.url}/api/exports/corrections?format=openai-chat`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(exported.status).toBe(200);
    await exported.text();

    const after = await scrape();
    expect(sample(after, 'hitl_connected_sockets{namespace="widget"}')).toBe(2);
    expect(sample(after, 'hitl_connected_sockets{namespace="agent"}')).toBe(1);
    expect(sample(after, 'hitl_queue_length')).toBe(1);
    expect(sample(after, 'hitl_queue_oldest_wait_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'hitl_drafts_pending')).toBe(1);
    expect(sample(after, 'hitl_responder_seconds_count{responder="offline",outcome="answered"}')).toBe(1);
    expect(sample(after, 'hitl_messages_total{role="customer",visibility="public"}')).toBe(2);
    expect(sample(after, 'hitl_escalations_total{signal="customer_request"}')).toBe(1);
    expect(sample(after, 'hitl_export_jobs_total{result="completed"}')).toBe(1);
    expect(sample(after, 'hitl_export_jobs_running')).toBe(0);
  });
});
