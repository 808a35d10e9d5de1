import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { askAsCustomer } from '../support/knowledge-api';
import { type AgentClient, startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

const TENTS = ['do you rent tents?', 'Can I rent a tent from you?', 'can i rent tents'];
const TENTS_ANSWER = 'We do not rent tents, but our partner CampCo does: campco.example/rentals.';

let server: TestServer;
let browser: Browser;
let page: Page;
let rita: AgentClient;

const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

/** A customer asks, the bot escalates for low confidence, and Rita answers in the conversation. */
async function escalatedAndAnswered(question: string, answer: string): Promise<void> {
  const { socket } = await server.connectVisitor();
  const { reply, conversationId } = await askAsCustomer(socket, question);
  expect(reply.notice, question).toBe('escalated');
  expect((await rita.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
  const sent = await rita.emitWithAck('message:send', {
    conversationId,
    clientId: crypto.randomUUID(),
    text: answer,
  });
  expect(sent.ok).toBe(true);
}

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  const login = await server.createAgent({
    name: 'Rita Reviewer',
    role: 'reviewer',
    email: 'rita@example.com',
  });
  rita = await server.connectAgent(login.token);
  for (const question of TENTS) await escalatedAndAnswered(question, TENTS_ANSWER);
  await escalatedAndAnswered('do you offer engraving on knives?', 'Yes, engraving is $10.');
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('knowledge gaps in the console', () => {
  it('groups the questions no article answered, most frequent first, with the agents’ answer', async () => {
    await signInToConsole(page, `${server.url}/console/#/knowledge/gaps`, 'rita@example.com');
    await expect.poll(() => page.getByTestId('gap-card').count()).toBe(2);
    const first = page.getByTestId('gap-card').first();
    expect(await first.getByTestId('gap-count').innerText()).toBe('3×');
    expect(await first.getByTestId('gap-answers').innerText()).toContain(`3× ${TENTS_ANSWER}`);
    await shot('kb-7-gaps');
  });

  it('turns the largest group into an article in a few clicks; the group leaves and the bot answers', async () => {
    await page.getByTestId('gap-card').first().getByTestId('gap-create').click();
    await page.getByTestId('kb-editor').waitFor();
    expect(await page.getByTestId('kb-from-gap').innerText()).toContain('knowledge gap of 3 questions');
    expect(TENTS).toContain(await page.getByTestId('kb-title').inputValue());
    expect(await page.getByTestId('kb-answer').inputValue()).toBe(TENTS_ANSWER);
    expect((await page.getByTestId('kb-examples').locator('li').allInnerTexts()).length).toBe(3);
    await page.getByTestId('kb-title').fill('Tent rental');
    await page.getByTestId('kb-topic').selectOption('products');
    await shot('kb-8-gap-prefilled');
    await page.getByTestId('kb-save').click();
    await page.getByTestId('kb-editor-saved').waitFor();

    await page.getByTestId('kb-tab-gaps').click();
    await expect.poll(() => page.getByTestId('gap-card').count()).toBe(1);
    expect(await page.getByTestId('gap-title').innerText()).toBe('do you offer engraving on knives?');

    const { socket } = await server.connectVisitor();
    expect((await askAsCustomer(socket, 'Could I rent tents from you?')).reply.text).toBe(TENTS_ANSWER);
  });

  it('adds the last group’s questions to an existing article', async () => {
    const card = page.getByTestId('gap-card').first();
    await card.getByTestId('gap-target').selectOption('product-care');
    await card.getByTestId('gap-add').click();
    await page.getByTestId('gaps-added').waitFor();
    await expect.poll(() => page.getByTestId('gap-card').count()).toBe(0);
    expect((await server.store.getArticle('product-care'))?.examples).toContain(
      'do you offer engraving on knives?',
    );
  });
});
