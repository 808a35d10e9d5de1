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
let agentEmail: string;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  agentEmail = 'morgan@example.com';
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

describe('the widget and the console in a real browser', () => {
  it('1. the customer gets the assistant’s answer in the widget on the demo shop', async () => {
    await customer.goto(`${server.url}/`);
    await customer.getByTestId('launcher').click();
    await expect.poll(() => customer.getByTestId('panel').isVisible()).toBe(true);
    await customer.getByTestId('input').fill('how long does shipping take?');
    await customer.getByTestId('send').click();
    const reply = customer.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor({ timeout: 5000 });
    expect(await reply.innerText()).toMatch(/business days/i);
    expect(await reply.getByTestId('author').innerText()).toBe('Assistant');
    await shot(customer, '1-widget-answer');
  });

  it('2. an unanswerable question is escalated: the customer is told, the queue shows the reason', async () => {
    await signInToConsole(console_, `${server.url}/console/`, agentEmail);
    await console_.getByTestId('queue').waitFor({ state: 'attached' });

    await customer.getByTestId('input').fill('Can you recommend a good car insurance company?');
    await customer.getByTestId('send').click();
    const notice = customer.locator('[data-testid="message"][data-role="system"]').last();
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.innerText()).toMatch(/person/i);

    await console_.getByTestId('queue-tab-queued').click();
    const item = console_.locator('[data-testid="queue-item"][data-state="queued"]').first();
    await item.waitFor({ timeout: 5000 });
    expect(await item.getByTestId('reason').first().innerText()).toMatch(/^low_confidence 0\.\d\d$/);
    await shot(customer, '2-widget-escalated');
    await shot(console_, '2-console-queue');
  });

  it('3. the agent claims, sees the confidences, replies; the customer sees it under the agent’s name', async () => {
    await console_.locator('[data-testid="queue-item"][data-state="queued"]').first().click();
    await console_.getByTestId('claim').click();
    await expect.poll(() => console_.getByTestId('conversation-state').innerText()).toBe('agent');
    const confidences = await console_.getByTestId('confidence').allInnerTexts();
    expect(confidences.length).toBeGreaterThanOrEqual(2);
    for (const c of confidences) expect(c).toMatch(/^[01]\.\d\d$/);

    await console_
      .getByTestId('reply-input')
      .fill('Hi, I’m Morgan. We don’t sell insurance, but I can help with your order.');
    await console_.getByTestId('reply-send').click();
    const agentReply = customer.locator('[data-testid="message"][data-role="agent"]').last();
    await agentReply.waitFor({ timeout: 5000 });
    expect(await agentReply.getByTestId('author').innerText()).toBe('Morgan Lee');
    await shot(customer, '3-widget-agent-reply');
    await shot(console_, '3-console-conversation');
  });

  it('4. the agent marks a bot reply wrong and writes the right one; the correction is stored', async () => {
    const botMessage = console_
      .locator('[data-testid="message"][data-role="bot"][data-visibility="public"]')
      .first();
    await botMessage.getByTestId('mark-wrong').click();
    await console_
      .getByTestId('correction-text')
      .fill('Standard shipping takes 3–5 business days; express 1–2.');
    await console_.getByTestId('correction-reason-incomplete').check();
    await console_.getByTestId('correction-submit').click();
    await botMessage.getByTestId('corrected-tag').waitFor({ timeout: 5000 });
    const corrections = await server.store.listCorrections({ status: 'any', kind: 'rewritten_reply' });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      correctedText: 'Standard shipping takes 3–5 business days; express 1–2.',
      reasons: ['incomplete'],
      kind: 'rewritten_reply',
      agent: { name: 'Morgan Lee' },
    });
    expect(corrections[0]?.timeSpentMs).toBeGreaterThan(0);
    await shot(console_, '4-console-corrected');
  });
});
