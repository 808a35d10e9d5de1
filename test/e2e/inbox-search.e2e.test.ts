import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let page: Page;
let unsure: { socket: WidgetClient; conversationId: string };
let legal: { socket: WidgetClient; conversationId: string };

const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

/** A customer message; resolves once the bot's turn (answer or escalation) is done and its events are out. */
async function say(socket: WidgetClient, text: string, conversationId?: string): Promise<string> {
  const ack = await socket.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text,
    ...(conversationId ? { conversationId } : {}),
  });
  if (!ack.ok) throw new Error(ack.error.message);
  await server.settle(socket);
  return ack.data.conversation.id;
}

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Sam Search', email: 'sam@example.com' });

  // First a question the bot cannot answer, then — later — a legal threat.
  const first = (await server.connectVisitor()).socket;
  unsure = { socket: first, conversationId: await say(first, 'Can my zanzibar kayak float upside down?') };
  const second = (await server.connectVisitor()).socket;
  legal = {
    socket: second,
    conversationId: await say(second, 'My order never came. I will sue you, see you in court.'),
  };

  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the inbox in a real browser', () => {
  it('queues the legal threat above the earlier low-confidence question, naming the top reason', async () => {
    const unsureConversation = await server.store.getConversation(unsure.conversationId);
    const legalConversation = await server.store.getConversation(legal.conversationId);
    expect(unsureConversation?.state).toBe('queued');
    expect(unsureConversation?.reasons.map((r) => r.signal)).toContain('low_confidence');
    expect(unsureConversation?.reasons.map((r) => r.signal)).not.toContain('topic_rule');
    expect(legalConversation?.reasons.map((r) => r.rule)).toContain('legal-threat');
    expect(Date.parse(unsureConversation?.escalatedAt ?? '')).toBeLessThan(
      Date.parse(legalConversation?.escalatedAt ?? ''),
    );

    await signInToConsole(page, `${server.url}/console/`, 'sam@example.com');
    const items = page.getByTestId('queue-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).getAttribute('data-conversation-id')).toBe(legal.conversationId);
    expect(await items.nth(1).getAttribute('data-conversation-id')).toBe(unsure.conversationId);
    expect(await items.nth(0).getByTestId('top-reason').innerText()).toMatch(/high stakes/i);
    expect(await items.nth(1).getByTestId('top-reason').innerText()).toMatch(/bot unsure/i);
    await shot('inbox-1-queue-1280');
  });

  it('keeps every tab and timer inside the queue column at 1280×720 and at 1024 wide', async () => {
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 720 });
      const column = await page.locator('.queue-panel').boundingBox();
      if (!column) throw new Error('no queue column');
      const right = column.x + column.width;
      for (const locator of [page.locator('.queue-tab'), page.locator('.queue-item-time')]) {
        for (const box of await Promise.all((await locator.all()).map((l) => l.boundingBox()))) {
          expect(box).not.toBeNull();
          if (box) expect(box.x + box.width).toBeLessThanOrEqual(right + 0.5);
        }
      }
      await shot(`inbox-2-queue-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('the live monitor shows each open conversation and follows a new customer message', async () => {
    await page.getByTestId('inbox-mode-monitor').click();
    const row = page.locator(`[data-testid="monitor-row"][data-conversation-id="${unsure.conversationId}"]`);
    await expect.poll(() => row.getByTestId('monitor-customer').innerText()).toContain('zanzibar kayak');
    expect(await row.getByTestId('monitor-owner').innerText()).toBe('nobody');
    expect(await row.getByTestId('monitor-confidence').innerText()).toMatch(/confidence \d\.\d\d/);
    expect(await row.getByTestId('monitor-sentiment').innerText()).toMatch(/sentiment [−+]?\d\.\d\d/);
    expect(await page.getByTestId('monitor-row').count()).toBe(2);

    await say(unsure.socket, 'This is terrible, I am furious', unsure.conversationId);
    await expect.poll(() => row.getByTestId('monitor-customer').innerText()).toContain('furious');
    await shot('inbox-3-monitor-1280');
  });

  it('search finds a message, filters and opens the conversation', async () => {
    await page.getByTestId('inbox-mode-search').click();
    await page.getByTestId('search-input').fill('court');
    await page.getByTestId('search-submit').click();
    const results = page.getByTestId('search-result');
    await expect
      .poll(
        async () =>
          (await results.all()).length === 1 && (await results.first().getAttribute('data-conversation-id')),
      )
      .toBe(legal.conversationId);
    expect(await results.first().getByTestId('search-snippet').innerText()).toContain('see you in court');

    await page.getByTestId('search-input').fill('zanzibar');
    await page.getByTestId('search-submit').click();
    await expect
      .poll(async () => results.first().getAttribute('data-conversation-id'))
      .toBe(unsure.conversationId);
    await page.getByTestId('search-reason').selectOption('topic_rule');
    await expect.poll(() => page.getByText('No conversation matches.').count()).toBe(1);
    await page.getByTestId('search-reason').selectOption('');
    await expect.poll(() => results.count()).toBe(1);
    await shot('inbox-4-search-1280');

    await results.first().click();
    await expect.poll(() => page.url()).toContain(unsure.conversationId);
    await expect.poll(() => page.getByText('furious').count()).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1024, height: 720 });
    await shot('inbox-5-search-1024');
  });
});
