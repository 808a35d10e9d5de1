import path from 'node:path';
import type { Message } from '@hitl/shared/models';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { collectEvents, waitForEvent } from '../support/wait-for';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let ana: Page;
let bo: Page;
let boId: string;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

/** A customer over a real widget socket; resolves once the bot's turn is done and its events are out. */
async function customerSays(text: string): Promise<{ socket: WidgetClient; conversationId: string }> {
  const { socket } = await server.connectVisitor();
  const ack = await socket.emitWithAck('message:send', { clientId: crypto.randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.message);
  await server.settle(socket);
  return { socket, conversationId: ack.data.conversation.id };
}

const open = (page: Page, conversationId: string) =>
  page.goto(`${server.url}/console/#/conversations/${encodeURIComponent(conversationId)}`);

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Ana Alves', email: 'ana@example.com' });
  boId = (await server.createAgent({ name: 'Bo Berg', email: 'bo@example.com' })).agent.id;
  browser = await launchBrowser();
  ana = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  bo = await (await browser.newContext({ viewport: { width: 1024, height: 720 } })).newPage();
  for (const page of [ana, bo]) page.setDefaultTimeout(10_000);
  await signInToConsole(ana, `${server.url}/console/`, 'ana@example.com');
  await signInToConsole(bo, `${server.url}/console/`, 'bo@example.com');
  for (const page of [ana, bo]) await page.getByTestId('queue').waitFor({ state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('assignment in the console, in a real browser', () => {
  it('closes a conversation the bot is handling with an outcome and tags, without telling the customer an agent joined', async () => {
    const customer = await customerSays('how long does shipping take?');
    const seen = collectEvents<Message>(customer.socket as never, 'message:created');
    const closed = waitForEvent<Message>(
      customer.socket as never,
      'message:created',
      (m) => m.notice === 'closed',
    );
    await open(ana, customer.conversationId);
    await expect.poll(() => ana.getByTestId('conversation-state').innerText()).toBe('bot');
    expect(await ana.getByTestId('claim').innerText()).toBe('Take over');

    await ana.getByTestId('close').click();
    await ana.getByTestId('outcome-no_reply_needed').check();
    await ana.getByTestId('close-tags').fill('Shipping, faq');
    await shot(ana, 'assignment-close-form');
    await ana.getByTestId('confirm-close').click();

    await expect.poll(() => ana.getByTestId('conversation-state').innerText()).toBe('closed');
    expect(await ana.getByTestId('close-outcome').innerText()).toBe('No reply needed');
    expect(await ana.getByTestId('conversation-tags').innerText()).toMatch(/shipping\s*faq/);
    const closedEvent = ana.locator('[data-testid="timeline-event"][data-kind="closed"]');
    await closedEvent.waitFor();
    expect(await closedEvent.innerText()).toMatch(/Ana Alves closed it — No reply needed \(shipping, faq\)/);
    await shot(ana, 'assignment-closed-timeline');
    await closed;
    await server.settle(customer.socket);
    expect(seen.map((m) => m.notice)).toEqual(['closed']);
    expect(await server.store.getConversation(customer.conversationId)).toMatchObject({
      outcome: 'no_reply_needed',
      tags: ['shipping', 'faq'],
    });
  });

  it('transfers a conversation to a teammate chosen from the online list; both consoles follow', async () => {
    const customer = await customerSays('I want to talk to a human please');
    const told = waitForEvent<Message>(
      customer.socket as never,
      'message:created',
      (m) => m.notice === 'transferred',
    );
    await open(ana, customer.conversationId);
    await open(bo, customer.conversationId);
    await expect.poll(() => ana.getByTestId('conversation-state').innerText()).toBe('queued');
    await ana.getByTestId('claim').click();
    await expect.poll(() => ana.getByTestId('conversation-state').innerText()).toBe('agent');

    await ana.getByTestId('transfer').click();
    const choice = ana.getByTestId(`transfer-to-${boId}`);
    await choice.waitFor();
    expect(await choice.innerText()).toMatch(/Bo Berg[\s\S]*0\/10 open/);
    await shot(ana, 'assignment-transfer-list');
    await choice.click();

    await expect
      .poll(() => ana.locator('.conversation-title .muted').innerText())
      .toBe('Assigned to Bo Berg');
    await expect.poll(() => bo.locator('.conversation-title .muted').innerText()).toBe('Assigned to you');
    await expect.poll(() => bo.getByTestId('reply-input').isEnabled()).toBe(true);
    expect((await told).text).toBe('Bo Berg has taken over the conversation.');
    await shot(bo, 'assignment-transferred-1024');
  });

  it('at 1024 px the details pane, which has no column there, opens over the conversation', async () => {
    const customer = await customerSays('I want to talk to a human please');
    await open(bo, customer.conversationId);
    const details = bo.getByTestId('conversation-details');
    await bo.getByTestId('details-toggle').waitFor();
    expect(await details.isVisible()).toBe(false);
    await bo.getByTestId('details-toggle').click();
    await details.waitFor({ state: 'visible' });
    await expect.poll(() => details.getByTestId('timeline').innerText()).toMatch(/escalat/i);
    await shot(bo, 'details-over-conversation-1024');
    await bo.getByTestId('details-toggle').click();
    await details.waitFor({ state: 'hidden' });
  });

  it('two agents race to claim one conversation: one gets it, the other is told who did', async () => {
    const customer = await customerSays('I want to talk to a human please');
    await open(ana, customer.conversationId);
    await open(bo, customer.conversationId);
    for (const page of [ana, bo])
      await expect.poll(() => page.getByTestId('conversation-state').innerText()).toBe('queued');
    // Both press at once; on a busy machine one page may already show the other's claim (its button gone),
    // so a click that finds no button is not an error: one of them must have claimed.
    const clicks = await Promise.allSettled(
      [ana, bo].map((page) => page.getByTestId('claim').click({ timeout: 3000 })),
    );
    expect(clicks.some((c) => c.status === 'fulfilled')).toBe(true);

    const owner = await server.store.getConversation(customer.conversationId);
    await expect
      .poll(async () => (await server.store.getConversation(customer.conversationId))?.state)
      .toBe('agent');
    const winner = (await server.store.getConversation(customer.conversationId))?.assignee?.name;
    expect(['Ana Alves', 'Bo Berg']).toContain(winner ?? owner?.assignee?.name);
    const [won, lost] = winner === 'Ana Alves' ? [ana, bo] : [bo, ana];
    await expect.poll(() => won.locator('.conversation-title .muted').innerText()).toBe('Assigned to you');
    await expect
      .poll(() => lost.locator('.conversation-title .muted').innerText())
      .toBe(`Assigned to ${winner}`);
    // The loser either saw the conversation change before clicking (no claim button) or was refused.
    const refused = lost.getByTestId('action-error');
    if (await refused.isVisible()) expect(await refused.innerText()).toContain(`${winner} already has`);
    const joined = await server.store.listMessages(customer.conversationId, {
      afterSeq: 0,
      includeInternal: false,
    });
    expect(joined.filter((m) => m.notice === 'agent_joined')).toHaveLength(1);
  });

  it('an admin switches to automatic assignment in Settings (1024 px wide)', async () => {
    await server.createAgent({ name: 'Ada Admin', email: 'ada@example.com', role: 'admin' });
    const admin = await (await browser.newContext({ viewport: { width: 1024, height: 720 } })).newPage();
    admin.setDefaultTimeout(10_000);
    await signInToConsole(admin, `${server.url}/console/#/settings`, 'ada@example.com');
    const auto = admin.getByTestId('assignment-auto');
    await auto.waitFor();
    expect(await admin.getByTestId('assignment-manual').isChecked()).toBe(true);
    // The radio follows the saved setting (it turns on once the server has stored it), so click, then wait.
    await auto.click();
    await expect.poll(async () => (await server.store.getSetting('assignment_mode'))?.value).toBe('auto');
    await expect.poll(() => auto.isChecked()).toBe(true);
    await admin.getByTestId('assignment-settings').scrollIntoViewIfNeeded();
    await shot(admin, 'assignment-settings-1024');
    // Ana, a plain agent, reads it but cannot change it.
    await ana.goto(`${server.url}/console/#/settings`);
    await ana.getByTestId('assignment-auto').waitFor();
    expect(await ana.getByTestId('assignment-auto').isChecked()).toBe(true);
    expect(await ana.getByTestId('assignment-manual').isDisabled()).toBe(true);
  });
});
