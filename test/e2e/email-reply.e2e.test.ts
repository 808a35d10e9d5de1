import path from 'node:path';
import type { Message } from '@hitl/shared/models';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { startTestServer, type TestServer } from '../support/test-server';
import { waitForEvent } from '../support/wait-for';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let smtp: TestSmtpServer;
let server: TestServer;
let browser: Browser;
let page: Page;
const agentEmail = 'robin@example.com';

beforeAll(async () => {
  requireBuilt([path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  smtp = await startSmtpServer();
  server = await startTestServer({ SMTP_URL: smtp.url, SMTP_FROM: 'help@shop.example' });
  await server.createAgent({ name: 'Robin Reply', email: agentEmail });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

/** With nobody online, a customer asks for a person and leaves an e-mail from a real widget socket. */
async function leaveContact(email: string): Promise<string> {
  const { socket } = await server.connectVisitor();
  const offline = waitForEvent<Message>(
    socket as never,
    'message:created',
    (m) => m.notice === 'no_agent_online',
  );
  const sent = await socket.emitWithAck('message:send', {
    clientId: crypto.randomUUID(),
    text: 'My stove arrived broken, I want to talk to a person',
  });
  if (!sent.ok) throw new Error(sent.error.message);
  await offline;
  const left = await socket.emitWithAck('contact:leave', {
    conversationId: sent.data.conversation.id,
    email,
  });
  if (!left.ok) throw new Error(left.error.message);
  return sent.data.conversation.id;
}

describe('answering a left e-mail from the console', () => {
  it('the agent finds the conversation by its badge, replies by e-mail, and the mailbox gets it', async () => {
    const id = await leaveContact('kim@example.com');
    await signInToConsole(page, `${server.url}/console/`, agentEmail);
    await page.getByTestId('queue-tab-queued').click();
    const item = page.locator(`[data-testid="queue-item"][data-conversation-id="${id}"]`);
    expect(await item.getByTestId('contact-badge').innerText()).toBe('Left e-mail');
    await item.click();
    expect(await page.getByTestId('contact-email').innerText()).toBe('kim@example.com');

    await page.getByTestId('reply-mode-email').click();
    expect(await page.getByTestId('email-to').innerText()).toBe('kim@example.com');
    await page.getByTestId('email-input').fill('Sorry about the stove: a replacement ships today.');
    await page.getByTestId('email-send').click();
    const sent = page.locator('[data-testid="message"][data-role="agent"][data-email-status="sent"]');
    await sent.waitFor();
    expect(await sent.getByTestId('email-delivery').innerText()).toMatch(/^E-mailed to kim@example\.com/);

    const mail = await smtp.nextMail();
    expect(mail.envelope.to).toEqual(['kim@example.com']);
    expect(mail.mail.subject).toBe('Your conversation with Harbor & Pine');
    expect(mail.mail.text).toContain('Sorry about the stove: a replacement ships today.');
    expect(mail.mail.text).toContain('> You: My stove arrived broken, I want to talk to a person');
    await page.screenshot({ path: path.join(screenshotDir, 'email-reply-sent.png') });
  });

  it('a refused send shows as failed with the reason, and Retry sends it', async () => {
    const before = smtp.received.length;
    smtp.rejectRecipients(550);
    await page.getByTestId('email-input').fill('The replacement left our warehouse.');
    await page.getByTestId('email-send').click();
    const failed = page.locator('[data-testid="message"][data-role="agent"][data-email-status="failed"]');
    await failed.waitFor();
    expect(await page.getByTestId('email-error').innerText()).toContain('refused the message (550)');
    expect(await failed.getByTestId('email-delivery').innerText()).toContain('Not sent to kim@example.com');
    expect(smtp.received.length).toBe(before);

    smtp.rejectRecipients(null);
    const id = await failed.getAttribute('data-message-id');
    await failed.getByTestId('email-retry').click();
    await page
      .locator(`[data-testid="message"][data-message-id="${id}"][data-email-status="sent"]`)
      .waitFor();
    const mail = await smtp.nextMail();
    expect(mail.mail.text).toContain('The replacement left our warehouse.');
    expect(mail.mail.subject).toBe('Re: Your conversation with Harbor & Pine');
  });
});
