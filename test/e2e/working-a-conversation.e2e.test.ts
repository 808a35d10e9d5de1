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
const NOTE = 'Wholesale partner: check the B2B terms first';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });

const widgetMessages = (role: string) => customer.locator(`[data-testid="message"][data-role="${role}"]`);
const consoleMessages = (role: string) => console_.locator(`[data-testid="message"][data-role="${role}"]`);

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer({ SITE_NAME: 'Harbor & Pine' });
  await server.createAgent({ name: 'Morgan Lee', email: agentEmail, role: 'reviewer' });
  browser = await launchBrowser();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  console_ = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  customer.setDefaultTimeout(10_000);
  console_.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('working a conversation in the console', () => {
  it('offers the reply the bot held back, inserted to edit and not sent by itself', async () => {
    await signInToConsole(console_, `${server.url}/console/`, agentEmail);
    await console_.getByTestId('queue').waitFor({ state: 'attached' });
    await customer.goto(`${server.url}/`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('input').fill('Can you recommend a good car insurance company?');
    await customer.getByTestId('send').click();
    await widgetMessages('system').last().waitFor();

    await console_.getByTestId('queue-tab-queued').click();
    await console_.locator('[data-testid="queue-item"][data-state="queued"]').first().click();
    await console_.getByTestId('claim').click();
    await expect.poll(() => console_.getByTestId('conversation-state').innerText()).toBe('agent');

    const withheld = await consoleMessages('bot').last().locator('.msg-bubble').innerText();
    const suggestion = console_.getByTestId('suggested-reply');
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain(withheld.slice(0, 20));
    await shot(console_, 'suggested-reply');
    await console_.getByTestId('use-suggestion').click();
    expect(await console_.getByTestId('reply-input').inputValue()).toBe(withheld);
    expect(await suggestion.count()).toBe(0);
    // Inserted, not sent: the console's transcript has no reply of the agent.
    expect(await consoleMessages('agent').count()).toBe(0);
    await console_.getByTestId('reply-input').fill('');
  });

  it('an internal note never reaches the widget', async () => {
    await console_.getByTestId('compose-kind-note').click();
    await console_.getByTestId('reply-input').fill(NOTE);
    await console_.getByTestId('reply-send').click();
    const note = consoleMessages('note').last();
    await note.waitFor();
    expect(await note.innerText()).toContain(NOTE);
    expect(await note.locator('.msg-author').innerText()).toBe('Note · Morgan Lee');
    expect(await note.getAttribute('data-visibility')).toBe('internal');
    await shot(console_, 'note-in-console');

    // The public reply after it is the definite event: once it is in the widget, the note would be too.
    await console_.getByTestId('compose-kind-reply').click();
    await console_.getByTestId('reply-input').fill('Hi, I am Morgan. We do not sell insurance, sorry.');
    await console_.getByTestId('reply-send').click();
    await widgetMessages('agent').last().waitFor();
    expect(await widgetMessages('agent').last().innerText()).toContain('We do not sell insurance');
    expect(await customer.getByText('Wholesale partner').count()).toBe(0);
    expect(await widgetMessages('note').count()).toBe(0);
    // Nor after a reload, which catches up from the server.
    await customer.reload();
    // The panel was open, so it is open again after the reload.
    await customer.getByTestId('panel').waitFor();
    await widgetMessages('agent').last().waitFor();
    expect(await customer.getByText('Wholesale partner').count()).toBe(0);
  });

  it('a canned response is inserted and sent', async () => {
    const input = console_.getByTestId('reply-input');
    await input.click();
    await input.pressSequentially('/ref');
    const menu = console_.getByTestId('canned-menu');
    await menu.waitFor();
    const options = console_.getByTestId('canned-option');
    expect(await options.first().getAttribute('data-shortcut')).toBe('refund');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.first().getAttribute('id'));
    await shot(console_, 'canned-menu');
    await input.press('Enter');
    expect(await menu.count()).toBe(0);
    const text = await input.inputValue();
    expect(text).toMatch(/^Hi \{name\}, I have started your refund\./);
    expect(text).toContain('— Morgan Lee, Harbor & Pine');
    // The customer left no e-mail: the variable stays for the agent to fill.
    expect(text).toContain('{email}');
    await input.fill(text.replace('{name}', 'Sam').replace(' at {email}', ''));

    await input.press('Enter');
    const reply = widgetMessages('agent').last();
    await expect.poll(() => reply.innerText()).toContain('Hi Sam, I have started your refund.');
    expect(await reply.innerText()).toContain('Morgan Lee, Harbor & Pine');
  });

  it('Escape closes the list and arrows choose another one', async () => {
    const input = console_.getByTestId('reply-input');
    await input.pressSequentially('/');
    await console_.getByTestId('canned-menu').waitFor();
    await input.press('Escape');
    expect(await console_.getByTestId('canned-menu').count()).toBe(0);
    await input.fill('');
    await input.pressSequentially('/s');
    await console_.getByTestId('canned-menu').waitFor();
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    await input.press('Tab');
    expect(await input.inputValue()).toMatch(/^Orders ship within/);
    await input.fill('');
  });

  it('a reviewer adds a canned response in Settings, audited (1024 px wide)', async () => {
    await console_.setViewportSize({ width: 1024, height: 720 });
    await console_.goto(`${server.url}/console/#/settings`);
    const settings = console_.getByTestId('canned-settings');
    await settings.waitFor();
    const form = console_.getByTestId('canned-form');
    await form.getByLabel('Title').fill('Parcel delayed');
    await form.getByLabel('Shortcut').fill('delay');
    await form.getByLabel('Text').fill('Sorry {name}, your parcel is a day late. — {agent}');
    await form.getByRole('button', { name: 'Add canned response' }).click();
    await console_.locator('[data-testid="canned-row"][data-shortcut="delay"]').waitFor();
    await shot(console_, 'canned-settings-1024');
    const audit = await server.store.listAudit(20);
    expect(audit.some((e) => e.action === 'canned.created' && e.actor?.name === 'Morgan Lee')).toBe(true);
  });
});
