import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import {
  type AgentClient,
  startTestServer,
  type TestServer,
  type WidgetClient,
} from '../support/test-server';
import { waitForEvent } from '../support/wait-for';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let customer: Page;
let console_: Page;
let agent: AgentClient;
let ahead: { socket: WidgetClient; conversationId: string };
let conversationId: string;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on one part of the widget (inside its shadow root): the serious and critical violations. Throws
 * when axe checked nothing there, so a selector that stopped matching cannot pass quietly.
 */
async function seriousViolations(page: Page, testId: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const { checked, found } = await page.evaluate<{
    checked: number;
    found: { id: string; impact: string | null }[];
  }>(`axe
    .run({ include: [{ fromShadowDom: ['hitl-widget', '[data-testid="${testId}"]'] }] }, { resultTypes: ['violations', 'passes'] })
    .then((result) => ({
      checked: result.passes.length + result.violations.length,
      found: result.violations.map((v) => ({
        id: v.id + ': ' + v.nodes.slice(0, 10).map((n) => n.target.flat().join(' ')).join(', '),
        impact: v.impact,
      })),
    }))`);
  if (checked === 0) throw new Error(`axe checked nothing in ${testId}`);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer({ QUEUE_UPDATE_INTERVAL_MS: '100' });
  const { token } = await server.createAgent({ name: 'Morgan Lee', email: 'morgan@example.com' });
  agent = await server.connectAgent(token);
  browser = await launchBrowser();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  console_ = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  for (const page of [customer, console_]) page.setDefaultTimeout(10_000);

  // Another customer already waits for a person.
  const { socket } = await server.connectVisitor();
  const queued = waitForEvent<{ state: string }>(
    socket as never,
    'conversation:updated',
    (c) => c.state === 'queued',
  );
  const ack = await socket.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'I want to talk to a person',
  });
  if (!ack.ok) throw new Error(ack.error.message);
  await queued;
  ahead = { socket, conversationId: ack.data.conversation.id };
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a customer waiting for a person, then rating the conversation', () => {
  it('1. sees their place in the queue behind the customer already waiting', async () => {
    await customer.goto(`${server.url}/`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('talk-to-person').click();
    const status = customer.getByTestId('queue-status');
    await expect.poll(() => status.innerText()).toMatch(/^You are number 2 in the queue/);
    expect(await status.getAttribute('role')).toBe('status');
    expect(await seriousViolations(customer, 'queue-status')).toEqual([]);
    const [first] = await server.store.listQueue('demo', 10);
    expect(first?.conversationId).toBe(ahead.conversationId);
    conversationId = (await server.store.listQueue('demo', 10))[1]?.conversationId ?? '';
    expect(conversationId).not.toBe('');
  });

  it('2. every message while waiting is marked received, with one acknowledgement line', async () => {
    for (const text of ['Hello, is anyone there?', 'It is about order 1042.']) {
      await customer.getByTestId('input').fill(text);
      await customer.getByTestId('send').click();
    }
    const mine = customer.locator('[data-testid="message"][data-role="customer"]');
    await expect.poll(() => mine.count()).toBe(3);
    await expect.poll(() => customer.getByTestId('received').count()).toBe(3);
    expect(await customer.getByTestId('received').first().innerText()).toBe('✓ Received');
    expect(await seriousViolations(customer, 'received')).toEqual([]);
    const acknowledgement = customer.getByTestId('queue-acknowledgement');
    await expect.poll(() => acknowledgement.count()).toBe(1);
    expect(await acknowledgement.innerText()).toBe(
      'Thanks — a person will reply here. You are number 2 in the queue.',
    );
    expect(await seriousViolations(customer, 'queue-acknowledgement')).toEqual([]);
    // It sits under the first message written while waiting, not under each one.
    const under = customer.locator(
      '[data-testid="message"][data-role="customer"]:has(+ [data-testid="queue-acknowledgement"])',
    );
    expect(await under.innerText()).toContain('Hello, is anyone there?');
    await shot(customer, 'widget-waiting-2');
  });

  it('3. moves up to number 1 when the agent takes the conversation ahead', async () => {
    const claim = await agent.emitWithAck('conversation:claim', { conversationId: ahead.conversationId });
    expect(claim.ok).toBe(true);
    await expect
      .poll(() => customer.getByTestId('queue-status').innerText())
      .toMatch(/^You are number 1 in the queue/);
    await expect
      .poll(() => customer.getByTestId('queue-acknowledgement').innerText())
      .toBe('Thanks — a person will reply here. You are number 1 in the queue.');
    await shot(customer, 'widget-waiting-3');
  });

  it('4. after the close, rates 4 with a comment, once; the console shows it', async () => {
    expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    await expect.poll(() => customer.getByTestId('queue-status').isVisible()).toBe(false);
    expect((await agent.emitWithAck('conversation:close', { conversationId })).ok).toBe(true);

    const rating = customer.getByTestId('rating');
    await rating.waitFor();
    expect(await rating.getByRole('group', { name: 'How was this conversation?' }).count()).toBe(1);
    // Keyboard: the radios are one group; arrows move the choice.
    await customer.getByTestId('rating-3').focus();
    await customer.keyboard.press('ArrowRight');
    expect(await customer.getByTestId('rating-4').isChecked()).toBe(true);
    expect(await customer.getByRole('radio', { name: '4 — Good' }).isChecked()).toBe(true);
    await customer.getByTestId('rating-comment').fill('Quick and friendly, thanks');
    await shot(customer, 'widget-rating');
    expect(await seriousViolations(customer, 'rating')).toEqual([]);
    await customer.getByTestId('rating-submit').click();
    await expect.poll(() => rating.getByRole('status').innerText()).toBe('Thank you for your feedback!');
    await shot(customer, 'widget-rated');
    await expect
      .poll(async () => (await server.store.getConversation(conversationId))?.satisfaction)
      .toMatchObject({ rating: 4, comment: 'Quick and friendly, thanks' });

    // Never asked again, also after a reload.
    await customer.reload();
    await customer.getByTestId('launcher').click();
    await customer.locator('[data-testid="message"][data-notice="closed"]').waitFor();
    expect(await customer.getByTestId('rating').count()).toBe(0);

    await signInToConsole(
      console_,
      `${server.url}/console/#/conversations/${conversationId}`,
      'morgan@example.com',
    );
    const shown = console_.getByTestId('satisfaction');
    await expect.poll(() => shown.innerText()).toContain('4 out of 5');
    expect(await shown.innerText()).toContain('Quick and friendly, thanks');
    await shot(console_, 'console-rating');
  });
});
