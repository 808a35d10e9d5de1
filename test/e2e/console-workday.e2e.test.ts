import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer, type WidgetClient } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';
import { focusedTestId, focusInDialog, installPageProbes, readProbes, setTabHidden } from './page-probes';

/**
 * A shift in the console: an escalation chimes, the keyboard opens, claims and answers it, the answer is
 * kept as a training example only because it was marked, a message while the tab is hidden raises a
 * desktop notification and a title badge, and the corrections list shows the question and the text.
 */
let server: TestServer;
let browser: Browser;
let page: Page;
let visitor: WidgetClient;
let conversationId = '';

const QUESTION = 'Can you recommend a good car insurance company?';
const ANSWER = 'We only sell outdoor gear, so we cannot recommend an insurer.';
const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
const answers = async () =>
  (await server.store.listCorrections({ status: 'any', kind: 'human_answer' })).filter(
    (c) => c.conversationId === conversationId,
  );

beforeAll(async () => {
  requireBuilt([path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Morgan Lee', email: 'morgan@example.com' });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.grantPermissions(['notifications'], { origin: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await installPageProbes(page);
  await signInToConsole(page, `${server.url}/console/`, 'morgan@example.com');
  await page.getByTestId('queue').waitFor({ state: 'attached' });
  ({ socket: visitor } = await server.connectVisitor());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a working day in the console', () => {
  it('1. an escalation chimes and counts in the title until the agent looks', async () => {
    // Away from the inbox, the new conversation is not seen yet.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    const escalated = waitForEvent(
      visitor as never,
      'message:created',
      (m: { notice: string | null }) => m.notice === 'escalated',
    );
    const sent = await visitor.emitWithAck('message:send', { clientId: crypto.randomUUID(), text: QUESTION });
    if (!sent.ok) throw new Error(sent.error.message);
    conversationId = sent.data.conversation.id;
    await escalated;
    await expect.poll(() => page.title()).toBe('(1 new) · 1 queued — Agent console');
    expect((await readProbes(page)).tones).toBe(1);
    await page.getByRole('link', { name: /Inbox/ }).click();
    await expect.poll(() => page.title()).toBe('1 queued — Agent console');
  });

  it('2. the keyboard opens the next in the queue, claims it and answers; the answer box is on', async () => {
    await page.locator('body').press('j');
    await expect.poll(() => page.url()).toContain(`#/conversations/${conversationId}`);
    await page.getByTestId('claim').waitFor();
    await page.locator('body').press('c');
    await expect.poll(() => page.getByTestId('conversation-state').innerText()).toBe('agent');
    await page.locator('body').press('r');
    expect(await focusedTestId(page)).toBe('reply-input');
    // Directly after the escalated question: kept as the answer unless the agent says otherwise.
    expect(await page.getByTestId('mark-next-answer').isChecked()).toBe(true);
    // Typing letters that are shortcuts elsewhere only types them.
    await page.keyboard.type(ANSWER);
    await page.keyboard.press('Control+Enter');
    const mine = page.locator('[data-testid="message"][data-role="agent"]');
    await mine.first().getByTestId('answer-tag').waitFor();
    expect(await answers()).toMatchObject([
      { correctedText: ANSWER, context: [{ role: 'customer', text: QUESTION }] },
    ]);

    // The next reply is not the answer by default, and is not recorded.
    expect(await page.getByTestId('mark-next-answer').isChecked()).toBe(false);
    await page.getByTestId('reply-input').fill('Anything else I can help with?');
    await page.getByTestId('reply-send').click();
    await expect.poll(() => mine.count()).toBe(2);
    expect(await mine.nth(1).getByTestId('answer-tag').count()).toBe(0);
    expect(await answers()).toHaveLength(1);
    await shot('workday-answer-marked');
  });

  it('3. one click unmarks the answer and marks it again', async () => {
    const first = page.locator('[data-testid="message"][data-role="agent"]').first();
    await first.getByTestId('mark-answer').click();
    await first.getByTestId('answer-tag').waitFor({ state: 'detached' });
    expect(await answers()).toHaveLength(0);
    await first.getByTestId('mark-answer').click();
    await first.getByTestId('answer-tag').waitFor();
    expect(await answers()).toHaveLength(1);
  });

  it('4. a customer message while the tab is hidden: a desktop notification and a badge, cleared on return', async () => {
    // Desktop notifications are opt-in, in Settings: the permission was granted to this browser up front.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('notify-desktop').check();
    await page.goBack();
    await page.getByTestId('reply-input').waitFor();
    await setTabHidden(page, true);
    const before = await readProbes(page);
    const sent = await visitor.emitWithAck('message:send', {
      clientId: crypto.randomUUID(),
      conversationId,
      text: 'Thanks, and where is my order?',
    });
    expect(sent.ok).toBe(true);
    await expect.poll(() => page.title()).toBe('(1 new) — Agent console');
    const after = await readProbes(page);
    expect(after.tones).toBe(before.tones + 1);
    expect(after.notifications.slice(before.notifications.length)).toEqual([
      { title: 'New customer message', body: 'Thanks, and where is my order?' },
    ]);
    await setTabHidden(page, false);
    await expect.poll(() => page.title()).toBe('Agent console');
  });

  it('5. the help overlay lists the shortcuts, keeps focus inside and gives it back on Esc', async () => {
    const reply = page.getByTestId('reply-input');
    await reply.focus();
    await page.keyboard.press('?');
    // Typed into the reply, not a shortcut.
    expect(await reply.inputValue()).toBe('?');
    await reply.fill('');
    await page.getByTestId('inbox-mode-queue').focus();
    await page.keyboard.press('?');
    const dialog = page.getByTestId('keyboard-help');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/next conversation in the queue/i);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(page)).toBe(true);
    }
    await shot('workday-shortcuts');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('inbox-mode-queue');
  });

  it('6. the corrections list shows the question, the context and the answer, and opens the conversation', async () => {
    await page.getByTestId('nav-corrections').click();
    const row = page.locator('[data-testid="correction-row"]').first();
    await row.waitFor();
    expect(await row.getByTestId('correction-question').innerText()).toBe(QUESTION);
    expect(await row.getByTestId('corrected-text').innerText()).toBe(ANSWER);
    expect(await row.getByTestId('original-text').innerText()).not.toBe('');
    await shot('workday-corrections');
    await row.getByTestId('correction-open-conversation').click();
    await expect.poll(() => page.url()).toContain(`#/conversations/${conversationId}`);
    await page.getByTestId('transcript').waitFor();
  });
});
