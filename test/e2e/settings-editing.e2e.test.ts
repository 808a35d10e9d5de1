import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let admin: Page;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Morgan Lee', email: 'morgan@example.com', role: 'admin' });
  browser = await launchBrowser();
  admin = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  admin.setDefaultTimeout(10_000);
  await signInToConsole(admin, `${server.url}/console/`, 'morgan@example.com');
  await admin.getByTestId('nav-settings').click();
  await admin.getByTestId('settings-form').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A customer on the demo page with the widget open. */
async function openWidget(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${server.url}/`);
  await page.getByTestId('launcher').click();
  return page;
}

describe('settings edited in a real browser', () => {
  it('shows the server’s RE2 refusal beside the pattern’s field, and saves nothing', async () => {
    const card = admin.locator('[data-testid="rule-card"][data-rule-id="chargeback-or-fraud"]');
    const patterns = card.locator('textarea[id$="-patterns"]');
    const before = await patterns.inputValue();
    // JavaScript accepts a backreference; RE2 (linear time) does not, so only the server can refuse it.
    await patterns.fill(`${before}\n(a)\\1`);
    await admin.getByTestId('settings-save').click();
    const error = card.getByTestId('error-policy-rules-1-patterns');
    await expect.poll(() => error.innerText()).toMatch(/^Line 2: .*RE2/);
    expect(await patterns.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    expect(await patterns.getAttribute('aria-invalid')).toBe('true');
    expect(server.app.ctx.policyState.policy.rules[1]?.patterns).toHaveLength(1);
    await patterns.fill(before);
  });

  it('adds a keyword to a rule in the form; a customer message with it escalates with the rule’s reason', async () => {
    const card = admin.locator('[data-testid="rule-card"][data-rule-id="legal-threat"]');
    const keywords = card.locator('textarea[id$="-keywords"]');
    await keywords.fill(`${await keywords.inputValue()}\nbarrister`);
    await admin.getByTestId('settings-save').click();
    await admin.getByTestId('settings-saved').waitFor();
    expect(server.app.ctx.policyState.policy.rules[0]?.keywords).toContain('barrister');
    await card.scrollIntoViewIfNeeded();
    await shot(admin, 'settings-1-rule-form');

    const customer = await openWidget();
    await customer.getByTestId('input').fill('My barrister will hear about this parcel.');
    await customer.getByTestId('send').click();
    await admin.getByRole('link', { name: /^Inbox/ }).click();
    const item = admin.getByTestId('queue-item').first();
    // The queue names the rule as the reason (the chip's tooltip).
    await item.locator('[data-testid="reason"][title*="rule legal-threat"]').waitFor();
    const conversationId = await item.getAttribute('data-conversation-id');
    const stored = await server.store.getConversation(conversationId ?? '');
    expect(stored?.reasons).toContainEqual(
      expect.objectContaining({
        signal: 'topic_rule',
        rule: 'legal-threat',
        value: 'barrister',
        detail: 'The customer threatens legal action',
      }),
    );
    await customer.context().close();
  });

  it('a new greeting for a site key is what the widget shows; a bad origin is refused beside its field', async () => {
    await admin.getByTestId('nav-settings').click();
    const card = admin.locator('[data-testid="site-key-card"][data-site-key="demo"]');
    await card.getByTestId('site-demo-origins').fill('self\nhttps://shop.example/cart');
    await card.getByTestId('site-demo-save').click();
    expect(await card.getByTestId('error-site-demo-origins').innerText()).toMatch(/^Line 2: .*no path/);
    expect((await server.store.getSiteKey('demo'))?.origins).toEqual(['self']);

    await card.getByTestId('site-demo-origins').fill('self');
    await card.getByTestId('site-demo-greeting').fill('Ahoy! Ask the harbor crew anything.');
    await card.getByTestId('site-demo-save').click();
    await card.getByRole('status').waitFor();
    await shot(admin, 'settings-2-site-keys');

    const customer = await openWidget();
    await expect
      .poll(() => customer.getByTestId('greeting').innerText())
      .toContain('Ahoy! Ask the harbor crew anything.');
    await customer.context().close();
  });

  it('fits 1024 px: the rule cards and site keys do not overflow', async () => {
    await admin.setViewportSize({ width: 1024, height: 720 });
    // No element wider than the page: nothing needs a horizontal scroll bar.
    const overflow = await admin
      .getByTestId('settings-page')
      .evaluate((page: { scrollWidth: number; clientWidth: number }) => page.scrollWidth - page.clientWidth);
    expect(overflow).toBe(0);
    await admin.locator('[data-testid="rule-card"][data-rule-id="large-refund"]').scrollIntoViewIfNeeded();
    await shot(admin, 'settings-3-1024');
  });
});
