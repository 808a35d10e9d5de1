import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';
import { seriousViolations } from './axe';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

/**
 * axe-core (from node_modules, injected into the page) on the console's main views, at 1280×720 and
 * 1024×768: any serious or critical violation fails. Screenshots of each view are kept for a look.
 */
const viewports = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

let server: TestServer;
let browser: Browser;
let conversationId = '';

beforeAll(async () => {
  requireBuilt([path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  const admin = await server.createAgent({ name: 'Ada Admin', email: 'ada@example.com', role: 'admin' });
  const { socket: visitor } = await server.connectVisitor();
  const agent = await server.connectAgent(admin.token);
  const escalated = waitForEvent(agent as never, 'conversation:escalated');
  const sent = await visitor.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'Can you recommend a good car insurance company?',
  });
  if (!sent.ok) throw new Error(sent.error.message);
  conversationId = sent.data.conversation.id;
  await escalated;
  await agent.emitWithAck('conversation:claim', { conversationId });
  const reply = await agent.emitWithAck('message:send', {
    conversationId,
    clientId: crypto.randomUUID(),
    text: 'We only sell outdoor gear, so we cannot recommend an insurer.',
  });
  if (!reply.ok) throw new Error(reply.error.message);
  await agent.emitWithAck('answer:mark', { messageId: reply.data.message.id, marked: true });
  agent.disconnect();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Fails when a page scrolls sideways: something is wider than the window. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

describe.each(viewports)('the console at $width×$height', (viewport) => {
  let page: Page;
  const check = async (name: string) => {
    await page.screenshot({ path: path.join(screenshotDir, `a11y-${name}-${viewport.width}.png`) });
    expect(await seriousViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
    expect(await horizontalOverflow(page), `${name}: wider than the window`).toBeLessThanOrEqual(0);
  };

  beforeAll(async () => {
    // axe is injected as page code; the console's CSP (rightly) refuses any script not served by it.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(() => page.context().close());

  it('login', async () => {
    await page.goto(`${server.url}/console/`);
    await page.getByTestId('login-email').waitFor();
    await check('login');
  });

  it('inbox with a conversation open', async () => {
    await signInToConsole(page, `${server.url}/console/#/conversations/${conversationId}`, 'ada@example.com');
    await page.locator('[data-testid="message"][data-role="agent"]').waitFor();
    await check('inbox');
  });

  it('keyboard help', async () => {
    await page.locator('body').press('?');
    await page.getByTestId('keyboard-help').waitFor();
    try {
      await check('shortcuts');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('corrections', async () => {
    await page.getByTestId('nav-corrections').click();
    await page.getByTestId('correction-row').first().waitFor();
    await page.getByTestId('correction-row').first().getByTestId('correction-question').waitFor();
    await check('corrections');
  });

  it('settings', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('notification-settings').waitFor();
    await page.getByTestId('settings-source').waitFor();
    await check('settings');
  });

  it('analytics', async () => {
    await page.getByTestId('nav-analytics').click();
    await page.getByTestId('figure-escalations-by-reason').locator('.figure-chart').waitFor();
    await check('analytics');
  });
});
