import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Conversation, Message } from '@hitl/shared/models';
import type { AuditEventView } from '@hitl/shared/rest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  connectAgentSocket,
  connectWidgetSocket,
  loginAgentOver,
  openVisitorSession,
  type WidgetClient,
} from '../support/clients';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { waitForEvent } from '../support/wait-for';

/**
 * A use case of several writes, killed (SIGKILL, inside the server, at a named step) right after its
 * deciding write: the restarted server finishes it, so the customer and the agents see one consistent
 * state — the claim with its "agent joined", the reviewed draft with its published reply, correction and
 * audit entry — each exactly once.
 */
const ADMIN = { email: 'admin@example.com', password: 'use-case-crash-password' };
const base = (dataDir: string, extra: Record<string, string> = {}) => ({
  DATA_DIR: dataDir,
  SECRET: 'use-case-crash-secret-0123456789abcdef',
  ADMIN_PASSWORD: ADMIN.password,
  ...extra,
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Scene {
  dataDir: string;
  node: ServerProcess;
  agent: AgentClient;
  agentToken: string;
  widget: WidgetClient;
  widgetToken: string;
  conversationId: string;
}

/** A server that will die at `crashAt`, a customer who wrote `text`, and the admin's console. */
async function openScene(crashAt: string, text: string, env: Record<string, string> = {}): Promise<Scene> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hitl-use-case-crash-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const node = await startServerProcess(base(dataDir, { ...env, TEST_CRASH_AT: crashAt }));
  cleanups.push(() => node.kill());
  const { token: agentToken } = await loginAgentOver(node.url, ADMIN.email, ADMIN.password);
  const agent = await connectAgentSocket(node.url, agentToken);
  const session = await openVisitorSession(node.url);
  const widget = await connectWidgetSocket(node.url, session.token);
  cleanups.push(() => {
    agent.disconnect();
    widget.disconnect();
  });
  const sent = await widget.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
  if (!sent.ok) throw new Error(sent.error.message);
  return {
    dataDir,
    node,
    agent,
    agentToken,
    widget,
    widgetToken: session.token,
    conversationId: sent.data.conversation.id,
  };
}

/** Starts the server again on the same data, without the crash point. */
async function restart(scene: Scene, env: Record<string, string> = {}): Promise<ServerProcess> {
  await scene.node.exited();
  const node = await startServerProcess(base(scene.dataDir, env));
  cleanups.push(() => node.stop());
  return node;
}

async function readConversation(url: string, token: string, id: string) {
  const res = await fetch(`${url}/api/conversations/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { conversation: Conversation; messages: Message[] };
}

async function auditActions(url: string, token: string): Promise<string[]> {
  const res = await fetch(`${url}/api/admin/audit?limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { events: AuditEventView[] }).events.map((e) => e.action);
}

const notices = (messages: Message[], kind: Message['notice']) => messages.filter((m) => m.notice === kind);

/** Emits an agent event whose ack never comes: the server dies before answering. */
function emitIntoCrash(scene: Scene, event: string, input: object): void {
  (scene.agent as unknown as { emit(e: string, i: object, ack: () => void): void }).emit(event, input, () => {
    throw new Error(`${event} was acknowledged: the server should have died first`);
  });
}

async function login(url: string) {
  return (await loginAgentOver(url, ADMIN.email, ADMIN.password)).token;
}

describe('a use case killed between its writes is finished by the next start', () => {
  it('a claim: the restarted server adds the "agent joined" notice, once', async () => {
    const scene = await openScene('claim:decided', 'I want to talk to a person');
    emitIntoCrash(scene, 'conversation:claim', { conversationId: scene.conversationId });
    const node = await restart(scene);
    const token = await login(node.url);
    const { conversation, messages } = await readConversation(node.url, token, scene.conversationId);
    expect(conversation.state).toBe('agent');
    expect(notices(messages, 'agent_joined')).toHaveLength(1);
    // The customer, reconnecting, catches up with it.
    const widget = await connectWidgetSocket(node.url, scene.widgetToken);
    cleanups.push(() => {
      widget.disconnect();
    });
    const history = await widget.emitWithAck('conversation:sync', {
      conversationId: scene.conversationId,
      afterSeq: 0,
    });
    expect(history.ok && history.data.messages.filter((m) => m.notice === 'agent_joined')).toHaveLength(1);
  });

  it('a transfer: with the new owner, the customer told once who took over', async () => {
    const scene = await openScene('transfer:decided', 'I want to talk to a person');
    const invited = await fetch(`${scene.node.url}/api/admin/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scene.agentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tess@example.com', name: 'Tess', role: 'agent' }),
    });
    const { agent: tess, password } = (await invited.json()) as { agent: { id: string }; password: string };
    const tessSocket = await connectAgentSocket(
      scene.node.url,
      (await loginAgentOver(scene.node.url, 'tess@example.com', password)).token,
    );
    cleanups.push(() => {
      tessSocket.disconnect();
    });
    const claimed = await scene.agent.emitWithAck('conversation:claim', {
      conversationId: scene.conversationId,
    });
    expect(claimed.ok).toBe(true);
    emitIntoCrash(scene, 'conversation:transfer', {
      conversationId: scene.conversationId,
      toAgentId: tess.id,
    });
    const node = await restart(scene);
    const token = await login(node.url);
    const { conversation, messages } = await readConversation(node.url, token, scene.conversationId);
    expect(conversation).toMatchObject({ state: 'agent', assignee: { id: tess.id, name: 'Tess' } });
    expect(notices(messages, 'transferred').map((m) => m.text)).toEqual([
      'Tess has taken over the conversation.',
    ]);
  });

  it('a hand-back: back with the bot, told once', async () => {
    const scene = await openScene('hand_back:decided', 'I want to talk to a person');
    const claimed = await scene.agent.emitWithAck('conversation:claim', {
      conversationId: scene.conversationId,
    });
    expect(claimed.ok).toBe(true);
    emitIntoCrash(scene, 'conversation:handback', { conversationId: scene.conversationId });
    const node = await restart(scene);
    const token = await login(node.url);
    const { conversation, messages } = await readConversation(node.url, token, scene.conversationId);
    expect(conversation).toMatchObject({ state: 'bot', assignee: null });
    expect(notices(messages, 'handed_back')).toHaveLength(1);
  });

  it('a close: closed, told once', async () => {
    const scene = await openScene('close:decided', 'I want to talk to a person');
    emitIntoCrash(scene, 'conversation:close', { conversationId: scene.conversationId });
    const node = await restart(scene);
    const { conversation, messages } = await readConversation(
      node.url,
      await login(node.url),
      scene.conversationId,
    );
    expect(conversation.state).toBe('closed');
    expect(notices(messages, 'closed')).toHaveLength(1);
  });

  for (const point of ['review_draft:reviewed', 'review_draft:published'] as const) {
    it(`an edited draft killed at ${point}: published, corrected and audited, each once`, async () => {
      const scene = await openScene(point, 'How long does delivery take?', { OVERSIGHT_MODE: 'approval' });
      const draft = await waitForDraft(scene);
      const edited = 'Delivery takes 3 to 5 working days; express arrives the next day.';
      emitIntoCrash(scene, 'draft:edit', { messageId: draft.id, text: edited, reasons: ['incomplete'] });
      const node = await restart(scene, { OVERSIGHT_MODE: 'approval' });
      const token = await login(node.url);
      const { messages } = await readConversation(node.url, token, scene.conversationId);
      const reviewed = messages.find((m) => m.id === draft.id);
      expect(reviewed?.draft?.status).toBe('edited');
      const published = messages.filter((m) => m.visibility === 'public' && m.text === edited);
      expect(published.map((m) => m.id)).toEqual([reviewed?.draft?.publishedMessageId]);
      expect(reviewed?.correctionId).toBeTruthy();
      const corrections = await fetch(`${node.url}/api/corrections?status=any`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json() as Promise<{ corrections: { id: string; messageId: string }[] }>);
      expect(corrections.corrections.filter((c) => c.messageId === draft.id).map((c) => c.id)).toEqual([
        reviewed?.correctionId,
      ]);
      expect((await auditActions(node.url, token)).filter((a) => a === 'draft.edited')).toHaveLength(1);
    });
  }

  it('a correction killed after it was stored: linked to the reply, audited, once', async () => {
    const scene = await openScene('record_correction:created', 'How long does delivery take?');
    const reply = await waitForEvent<Message>(
      scene.widget as never,
      'message:created',
      (m) => m.role === 'bot',
    );
    emitIntoCrash(scene, 'correction:create', {
      messageId: reply.id,
      correctedText: 'Standard delivery takes 3 to 5 working days.',
      reasons: ['incomplete'],
    });
    const node = await restart(scene);
    const token = await login(node.url);
    const { messages } = await readConversation(node.url, token, scene.conversationId);
    const corrected = messages.find((m) => m.id === reply.id);
    expect(corrected?.correctionId).toBeTruthy();
    expect((await auditActions(node.url, token)).filter((a) => a === 'correction.created')).toHaveLength(1);
  });
});

/** The held reply of the scene's first question (approval mode). */
async function waitForDraft(scene: Scene): Promise<Message> {
  const { messages } = await readConversation(scene.node.url, scene.agentToken, scene.conversationId);
  const held = messages.find((m) => m.draft?.status === 'pending');
  if (held) return held;
  return waitForEvent<Message>(
    scene.agent as never,
    'draft:created',
    (m) => m.conversationId === scene.conversationId,
  );
}

describe('a customer message stored before a crash is answered after it', () => {
  it('the bot turn killed after the model answered is run again at the next start, once', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hitl-turn-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const node = await startServerProcess(base(dataDir, { TEST_CRASH_AT: 'bot_turn:answered' }));
    cleanups.push(() => node.kill());
    const session = await openVisitorSession(node.url);
    const widget = await connectWidgetSocket(node.url, session.token);
    cleanups.push(() => {
      widget.disconnect();
    });
    const clientId = crypto.randomUUID();
    const text = 'How long does delivery take?';
    // The ack may or may not leave before the process dies: either way the message must be answered once.
    const acked = await widget
      .timeout(10_000)
      .emitWithAck('message:send', { clientId, text })
      .then((r) => r.ok)
      .catch(() => false);
    await node.exited();

    const restarted = await startServerProcess(base(dataDir));
    cleanups.push(() => restarted.stop());
    const again = await connectWidgetSocket(restarted.url, session.token);
    cleanups.push(() => {
      again.disconnect();
    });
    const answered = waitForEvent<Message>(
      again as never,
      'message:created',
      (m) => m.role === 'bot',
      20_000,
    );
    // Like the widget: what was not acknowledged is sent again with the same client id.
    if (!acked) expect((await again.emitWithAck('message:send', { clientId, text })).ok).toBe(true);
    const synced = await again.emitWithAck('conversation:sync', { afterSeq: 0 });
    const alreadyThere = synced.ok && synced.data.messages.some((m) => m.role === 'bot');
    if (!alreadyThere) await answered;

    const token = await login(restarted.url);
    const after = await again.emitWithAck('conversation:sync', { afterSeq: 0 });
    if (!after.ok) throw new Error(after.error.message);
    const conversationId = after.data.conversation?.id as string;
    const { messages } = await readConversation(restarted.url, token, conversationId);
    expect(messages.filter((m) => m.role === 'customer').map((m) => m.clientId)).toEqual([clientId]);
    expect(messages.filter((m) => m.role === 'bot' && m.visibility === 'public')).toHaveLength(1);
  });
});
