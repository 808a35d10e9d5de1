import path from 'node:path';
import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { callApi } from '../support/knowledge-api';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

const ANSWER = 'Yes! Gift wrapping is $5 per order: tick “Gift wrap” at checkout and add a card message.';
const EXAMPLES = [
  'Do you offer gift wrapping?',
  'can you wrap my order as a present',
  'is gift wrap available',
];

let server: TestServer;
let browser: Browser;
let console_: Page;
let customer: Page;
let rui: { token: string };

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  await server.createAgent({ name: 'Rita Reviewer', role: 'reviewer', email: 'rita@example.com' });
  rui = await server.createAgent({ name: 'Rui Reviewer', role: 'reviewer' });
  browser = await launchBrowser();
  console_ = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  console_.setDefaultTimeout(10_000);
  customer.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new customer (a fresh browser context) on the demo shop asks in the widget; the text of the reply. */
async function askInWidget(question: string): Promise<string> {
  await customer.context().close();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  customer.setDefaultTimeout(10_000);
  await customer.goto(`${server.url}/`);
  await customer.getByTestId('launcher').click();
  await customer.getByTestId('input').fill(question);
  await customer.getByTestId('send').click();
  const reply = customer
    .locator('[data-testid="message"][data-role="bot"], [data-testid="message"][data-role="system"]')
    .last();
  await reply.waitFor();
  return reply.innerText();
}

describe('the Knowledge page', () => {
  it('is read-only for the agent role', async () => {
    const { agent } = await server.createAgent({
      name: 'Ana Agent',
      role: 'agent',
      email: 'ana@example.com',
    });
    expect(agent.role).toBe('agent');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await signInToConsole(page, `${server.url}/console/#/knowledge`, 'ana@example.com');
    await page.getByTestId('kb-readonly').waitFor();
    await page.locator('[data-testid="kb-row"][data-id="shipping-times"]').click();
    expect(await page.getByTestId('kb-title').isDisabled()).toBe(true);
    expect(await page.getByTestId('kb-save').count()).toBe(0);
    expect(await page.getByTestId('kb-new').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'kb-0-agent-readonly.png') });
    await page.context().close();
  });

  it('lists the seeded articles and finds one by search', async () => {
    await signInToConsole(console_, `${server.url}/console/`, 'rita@example.com');
    await console_.getByTestId('nav-knowledge').click();
    await expect.poll(() => console_.getByTestId('kb-row').count()).toBeGreaterThan(30);
    await console_.getByTestId('kb-search').fill('gift card');
    await expect.poll(() => console_.locator('[data-testid="kb-row"][data-id="gift-cards"]').count()).toBe(1);
    await console_.locator('[data-testid="kb-row"][data-id="gift-cards"]').click();
    expect(await console_.getByTestId('kb-title').inputValue()).toBe('Gift cards');
    await shot(console_, 'kb-1-article');
  });

  it('shows what is missing, then creates an article the widget answers from at once', async () => {
    expect(await askInWidget('Could you gift wrap my order please?')).not.toContain('Gift wrapping is $5');

    await console_.getByTestId('kb-new').click();
    await console_.getByTestId('kb-save').click();
    await expect.poll(() => console_.locator('.field-error').count()).toBe(4);
    await shot(console_, 'kb-2-validation');

    await console_.getByTestId('kb-title').fill('Gift wrapping');
    await console_.getByTestId('kb-topic').selectOption('products');
    await console_.getByTestId('kb-answer').fill(ANSWER);
    for (const example of [...EXAMPLES, 'a question to remove']) {
      await console_.getByTestId('kb-example-input').fill(example);
      await console_.getByTestId('kb-example-add').click();
    }
    await console_.getByTestId('kb-example-remove').last().click();
    expect(await console_.getByTestId('kb-examples').locator('li').allInnerTexts()).toHaveLength(3);
    await console_.getByTestId('kb-save').click();
    await console_.getByTestId('kb-editor-saved').waitFor();
    expect(await console_.getByTestId('kb-editor').getAttribute('data-id')).toBe('gift-wrapping');
    await shot(console_, 'kb-3-created');

    expect(await askInWidget('Could you gift wrap my order please?')).toContain(ANSWER);
    await shot(customer, 'kb-4-widget-answer');
  });

  it('shows a clear 409 naming who changed the article meanwhile, and saves over theirs when asked', async () => {
    const { body } = await callApi<{ article: KnowledgeArticle }>(
      server.url,
      rui.token,
      'GET',
      '/knowledge/articles/gift-wrapping',
    );
    const meanwhile = await callApi(server.url, rui.token, 'PUT', '/knowledge/articles/gift-wrapping', {
      title: body.article.title,
      topic: body.article.topic,
      answer: 'Gift wrapping is $6 per order.',
      examples: body.article.examples,
      expectedVersion: body.article.version,
    });
    expect(meanwhile.status).toBe(200);

    await console_.getByTestId('kb-answer').fill('Gift wrapping is $5 per order, card included.');
    await console_.getByTestId('kb-save').click();
    const error = console_.getByTestId('kb-editor-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('Rui Reviewer changed this article meanwhile');
    await shot(console_, 'kb-5-conflict');

    await console_.getByTestId('kb-conflict-keep').click();
    await expect.poll(() => console_.getByTestId('kb-editor-version').innerText()).toContain('version 2');
    await console_.getByTestId('kb-save').click();
    await console_.getByTestId('kb-editor-saved').waitFor();
    expect(await console_.getByTestId('kb-editor-version').innerText()).toContain('version 3');
  });

  it('retires the article and imports a Markdown file after its preview', async () => {
    await console_.getByTestId('kb-retire').click();
    await console_.getByTestId('kb-restore').waitFor();

    await console_.getByTestId('kb-import-open').click();
    const file = [
      '## Engraving',
      'id: engraving | topic: products',
      '',
      'We engrave knives for $10.',
      '',
      '- do you offer engraving?',
    ].join('\n');
    await console_
      .getByTestId('kb-import-file')
      .setInputFiles({ name: 'more.md', mimeType: 'text/markdown', buffer: Buffer.from(file) });
    await console_.getByTestId('kb-import-preview').waitFor();
    expect(await console_.getByTestId('kb-import-preview').innerText()).toContain('1 to create, 0 to update');
    await shot(console_, 'kb-6-import-preview');
    await console_.getByTestId('kb-import-confirm').click();
    await console_.getByTestId('kb-import-done').waitFor();
    expect(await askInWidget('Do you offer engraving on knives?')).toContain('We engrave knives for $10.');
  });
});
