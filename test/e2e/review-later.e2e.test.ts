import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { scriptedResponder } from '../support/scripted-responder';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let customer: Page;
let console_: Page;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  // The answer lands in the review band (0.7 ≤ 0.78 < 0.86) whatever the shipped thresholds are.
  server = await startTestServer(
    { CONFIDENCE_THRESHOLD: '0.86', REVIEW_THRESHOLD: '0.7' },
    {
      responder: async () =>
        scriptedResponder({
          norway: { text: 'We ship to every EU country.', confidence: 0.78, topic: 'shipping' },
        }),
    },
  );
  await server.createAgent({ name: 'Morgan Lee', email: 'morgan@example.com', role: 'admin' });
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

describe('review later in a real browser', () => {
  it('a mid-band answer reaches the widget and appears live in the review list', async () => {
    await signInToConsole(console_, `${server.url}/console/`, 'morgan@example.com');
    await console_.getByTestId('nav-review').click();
    await console_.getByTestId('review-list').waitFor({ state: 'attached' });

    await customer.goto(`${server.url}/`);
    await customer.getByTestId('launcher').click();
    await customer.getByTestId('input').fill('Do you ship to Norway?');
    await customer.getByTestId('send').click();
    const reply = customer.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor();
    expect(await reply.innerText()).toContain('We ship to every EU country.');

    const item = console_.getByTestId('review-item').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('Do you ship to Norway?');
    expect(await item.getByTestId('reason').first().innerText()).toBe('review_band 0.78 < 0.86');
    await expect.poll(() => console_.getByTestId('nav-review-count').innerText()).toBe('1');
    // Scored on the next load: the row then shows the parts of its worth.
    await console_.getByRole('button', { name: 'Refresh' }).click();
    await expect
      .poll(() => item.getByTestId('review-priority').innerText())
      .toMatch(/uncertain 0\.22 × \d+ similar/);
    await shot(console_, 'review-1-list');
  });

  it('the agent corrects it and the widget shows the correction as a follow-up', async () => {
    const item = console_.getByTestId('review-item').first();
    await item.getByTestId('review-correct').click();
    await item.getByTestId('review-correction-text').fill('We ship to Norway too; customs fees may apply.');
    await item.getByTestId('review-correction-reason-wrong_fact').click();
    await item.getByTestId('review-correction-submit').click();
    await expect
      .poll(() => item.getByTestId('review-verdict').innerText())
      .toMatch(/^Corrected by Morgan Lee/);

    const followUp = customer.locator('[data-testid="message"][data-role="bot"]').last();
    await expect
      .poll(() => followUp.innerText())
      .toContain('A correction to my earlier answer: We ship to Norway too; customs fees may apply.');
    await shot(customer, 'review-2-widget-follow-up');
    await shot(console_, 'review-2-console-corrected');

    const corrections = await server.store.listCorrections({ status: 'pending' });
    expect(corrections.map((c) => c.correctedText)).toContain(
      'We ship to Norway too; customs fees may apply.',
    );
  });

  it('the corrections queue shows each row’s worth, ordered by value', async () => {
    await console_.getByTestId('nav-corrections').click();
    await console_.getByTestId('correction-row').first().waitFor();
    expect(await console_.getByTestId('corrections-order').inputValue()).toBe('value');
    expect(await console_.getByTestId('review-priority').first().innerText()).toMatch(
      /uncertain 0\.22 × \d+ similar/,
    );
    await shot(console_, 'review-3-corrections');
  });

  it('settings show the threshold advice beside the thresholds', async () => {
    await console_.getByTestId('nav-settings').click();
    const advice = console_.getByTestId('threshold-advice');
    await advice.locator('[data-testid="advice-row"][data-scope="(global)"]').waitFor();
    // One review so far, and it is a pending correction: nothing counts yet.
    expect(await advice.locator('[data-scope="(global)"] [data-testid="advice-too-few"]').count()).toBe(1);
    expect(await console_.getByTestId('settings-review-threshold').inputValue()).toBe('0.7');
    await shot(console_, 'review-4-settings');
  });
});
