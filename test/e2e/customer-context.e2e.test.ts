import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let customer: Page;
let console_: Page;
const agentEmail = 'morgan@example.com';
let firstConversation: string;
let secondConversation: string;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });

/** Sends a message from the widget and waits for the answer (bot or notice) to be shown. */
async function sendFromWidget(text: string): Promise<void> {
  const answers = customer.locator('[data-testid="message"]:is([data-role="bot"], [data-role="system"])');
  const before = await answers.count();
  await customer.getByTestId('input').fill(text);
  await customer.getByTestId('send').click();
  await expect.poll(() => answers.count()).toBeGreaterThan(before);
}

async function latestConversationId(): Promise<string> {
  const [latest] = await server.store.listConversations({ limit: 1 });
  if (!latest) throw new Error('no conversation stored');
  return latest.id;
}

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Morgan Lee', email: agentEmail });
  browser = await launchBrowser();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  console_ = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  customer.setDefaultTimeout(10_000);
  console_.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('customer context and typing in a real browser', () => {
  it('1. a closed earlier conversation, then a new one from the same visitor', async () => {
    await customer.goto(`${server.url}/`);
    await customer.getByTestId('launcher').click();
    await sendFromWidget('Do you ship to Norway?');
    firstConversation = await latestConversationId();
    // An agent closes it from a socket of its own; the customer then writes again.
    const { token } = await server.createAgent({ name: 'Closer' });
    const closer = await server.connectAgent(token);
    expect((await closer.emitWithAck('conversation:claim', { conversationId: firstConversation })).ok).toBe(
      true,
    );
    expect((await closer.emitWithAck('conversation:close', { conversationId: firstConversation })).ok).toBe(
      true,
    );
    await expect.poll(() => customer.getByTestId('status').innerText()).toMatch(/closed/i);
    await sendFromWidget('how long does shipping take?');
    secondConversation = await latestConversationId();
    expect(secondConversation).not.toBe(firstConversation);
  });

  it('2. the page identifies the visitor and navigates; the details pane shows name, page and history', async () => {
    // Page code, run in the browser as the shop would (the test's own types know no DOM).
    await customer.evaluate(`
      window.HitlWidget.identify({ name: 'Dana <b>Scully</b>', email: 'dana@example.com', externalId: 'c-42' });
      history.pushState({}, '', '/candles?ref=mail');
      document.title = 'Candles — Harbor & Pine';
    `);
    await signInToConsole(
      console_,
      `${server.url}/console/#/conversations/${secondConversation}`,
      agentEmail,
    );
    const details = console_.getByTestId('customer-context');
    await expect.poll(() => details.getByTestId('customer-name').innerText()).toBe('Dana <b>Scully</b>');
    expect(await details.getByTestId('identity-claim').innerText()).toMatch(
      /given by the site, not verified/i,
    );
    expect(await details.getByTestId('customer-email').innerText()).toBe('dana@example.com');
    await expect
      .poll(() => details.getByTestId('customer-page').innerText())
      .toMatch(/Candles — Harbor & Pine/);
    const link = details.getByTestId('customer-page').locator('a');
    expect(await link.getAttribute('href')).toBe(`${server.url}/candles?ref=mail`);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await details.getByTestId('customer-browser').innerText()).toMatch(/^Chrome \d+ on Linux$/);
    expect(await details.getByTestId('customer-time').innerText()).toMatch(/\d\d:\d\d/);

    // A later navigation reaches the open pane live.
    await customer.evaluate(`
      history.pushState({}, '', '/checkout');
      document.title = 'Checkout — Harbor & Pine';
    `);
    await expect
      .poll(() => details.getByTestId('customer-page').innerText())
      .toMatch(/Checkout — Harbor & Pine/);

    const earlier = console_.getByTestId('earlier-conversation');
    await expect.poll(() => earlier.count()).toBe(1);
    expect(await earlier.first().getAttribute('data-conversation-id')).toBe(firstConversation);
    await shot(console_, 'customer-context-details');
    await earlier.first().click();
    await expect.poll(() => console_.evaluate('location.hash')).toBe(`#/conversations/${firstConversation}`);
    await expect
      .poll(() => console_.getByTestId('earlier-conversation').first().getAttribute('data-conversation-id'))
      .toBe(secondConversation);
  });

  it('3. typing shows in the console, and the agent’s typing shows in the widget', async () => {
    await console_.goto(`${server.url}/console/#/conversations/${secondConversation}`);
    await console_.getByTestId('claim').click();
    await expect.poll(() => console_.getByTestId('conversation-state').innerText()).toBe('agent');

    await customer.getByTestId('input').fill('I am writing a long question about');
    await console_.getByTestId('customer-typing').waitFor();
    await customer.getByTestId('input').fill('');
    await console_.getByTestId('customer-typing').waitFor({ state: 'detached' });

    await console_.getByTestId('reply-input').fill('Let me check that for you');
    await expect.poll(() => customer.getByTestId('agent-typing').innerText()).toBe('Morgan Lee is typing…');
    await shot(customer, 'customer-context-agent-typing');
    await console_.getByTestId('reply-send').click();
    await customer.locator('[data-testid="message"][data-role="agent"]').last().waitFor();
    await customer.getByTestId('agent-typing').waitFor({ state: 'hidden' });
  });
});
