import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

/**
 * The console loses its connection while the customer keeps writing: the browser goes offline and the
 * server drops the socket, three messages arrive meanwhile, and once back online the open conversation
 * shows each of them exactly once, in order.
 */
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let visitor: WidgetClient;
let conversationId = '';

const customerTexts = (p: Page) =>
  p.locator('[data-testid="message"][data-role="customer"] .msg-bubble').allInnerTexts();

beforeAll(async () => {
  requireBuilt([path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Morgan Lee', email: 'morgan@example.com' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  ({ socket: visitor } = await server.connectVisitor());
  const escalated = waitForEvent(
    // Nobody is signed in yet: the customer is told so, and the conversation waits in the queue.
    visitor as never,
    'message:created',
    (m: { notice: string | null }) => m.notice === 'no_agent_online',
  );
  const sent = await visitor.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'I want to talk to a person',
  });
  if (!sent.ok) throw new Error(sent.error.message);
  conversationId = sent.data.conversation.id;
  await escalated;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const say = async (text: string) => {
  const ack = await visitor.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    conversationId,
    text,
  });
  if (!ack.ok) throw new Error(ack.error.message);
};

describe('the console catches up after its connection is cut', () => {
  it('shows every message missed while offline exactly once', async () => {
    await signInToConsole(
      page,
      `${server.url}/console/#/conversations/${conversationId}`,
      'morgan@example.com',
    );
    await page.getByTestId('claim').click();
    await expect.poll(() => page.getByTestId('conversation-state').innerText()).toBe('agent');
    await say('Are you there?');
    await expect.poll(() => customerTexts(page)).toEqual(['I want to talk to a person', 'Are you there?']);

    // Cut: no network for the page, and the server closes the console's socket.
    await context.setOffline(true);
    server.app.io.of('/agent').disconnectSockets(true);
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status')).not.toBe('connected');
    const missed = ['My order is #4411', 'It was due on Monday', 'Hello?'];
    for (const text of missed) await say(text);
    await page.screenshot({ path: path.join(screenshotDir, 'reconnect-offline.png') });

    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId('connection').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('connected');
    await expect
      .poll(() => customerTexts(page))
      .toEqual(['I want to talk to a person', 'Are you there?', ...missed]);

    // A message after the catch-up arrives live and last: anything still on its way before it would
    // already be shown, so the counts below are final.
    await say('Still waiting');
    await expect.poll(async () => (await customerTexts(page)).at(-1)).toBe('Still waiting');
    const texts = await customerTexts(page);
    for (const text of missed) expect(texts.filter((t) => t === text)).toHaveLength(1);
    const ids = await page
      .locator('[data-testid="message"]')
      .evaluateAll((items) =>
        items.map((item) => (item as { dataset: { messageId?: string } }).dataset.messageId),
      );
    expect(new Set(ids).size).toBe(ids.length);
    await page.screenshot({ path: path.join(screenshotDir, 'reconnect-caught-up.png') });
  });
});
