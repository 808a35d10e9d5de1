import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let customer: Page;
let agentPage: Page;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
const EDITED = 'Standard shipping takes 3–5 business days, and it is free on orders over $50.';

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer({ OVERSIGHT_MODE: 'approval' });
  await server.createAgent({ name: 'Riley Review', email: 'riley@example.com' });
  browser = await launchBrowser();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  agentPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  customer.setDefaultTimeout(10_000);
  agentPage.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('approval mode in a real browser', () => {
  it('holds the bot reply: the customer sees that a person is reviewing it', async () => {
    await signInToConsole(agentPage, `${server.url}/console/`, 'riley@example.com');
    await agentPage.getByTestId('queue').waitFor({ state: 'attached' });

    await customer.goto(`${server.url}/`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('input').fill('how long does shipping take?');
    await customer.getByTestId('send').click();
    await customer.locator('[data-testid="message"][data-notice="reviewing"]').waitFor();
    await expect.poll(() => customer.getByTestId('status').innerText()).toMatch(/reviewing/i);
    expect(await customer.locator('[data-testid="message"][data-role="bot"]').count()).toBe(0);
    await shot(customer, 'approval-1-widget-reviewing');
  });

  it('an agent edits the draft in one step; the customer sees the edited reply; a correction is stored', async () => {
    await agentPage.getByTestId('queue-tab-review').click();
    await agentPage.getByTestId('queue-item').first().click();
    await agentPage.getByTestId('draft-edit').click();
    await agentPage.getByTestId('draft-text').fill(EDITED);
    await agentPage.getByTestId('draft-reason-incomplete').check();
    await shot(agentPage, 'approval-2-console-draft');
    await agentPage.getByTestId('draft-submit-edit').click();

    const reply = customer.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor();
    expect(await reply.innerText()).toContain(EDITED);
    await expect.poll(() => agentPage.getByTestId('draft-status').first().innerText()).toBe('edited');

    const corrections = await server.store.listCorrections({ status: 'any' });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      kind: 'edited_draft',
      correctedText: EDITED,
      reasons: ['incomplete'],
    });
    await shot(customer, 'approval-3-widget-edited');
    await shot(agentPage, 'approval-4-console-reviewed');
  });
});
