import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { type OpenAiStub, startOpenAiStub } from '../support/openai-stub';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir } from './browser';

let stub: OpenAiStub;
let server: TestServer;
let browser: Browser;
let customer: Page;

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle]);
  stub = await startOpenAiStub();
  server = await startTestServer({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: stub.baseUrl,
    LLM_TIMEOUT_MS: '10000',
    OVERSIGHT_MODE: 'supervised',
  });
  await server.connectAgent((await server.createAgent()).token);
  browser = await launchBrowser();
  customer = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  customer.setDefaultTimeout(10_000);
  await customer.goto(`${server.url}/`);
  await customer.getByTestId('launcher').click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await stub?.close();
});

async function send(text: string) {
  await customer.getByTestId('input').fill(text);
  await customer.getByTestId('send').click();
}

describe('a streamed LLM reply in the widget', () => {
  it('grows in a preview bubble, then is replaced by the stored message', async () => {
    stub.setFallback({ chunkDelayMs: 60 });
    await send('how long does shipping take?');
    const preview = customer.getByTestId('message-preview');
    await preview.waitFor();
    const early = await preview.innerText();
    await customer.screenshot({ path: path.join(screenshotDir, 'llm-stream-preview.png') });
    const reply = customer.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor();
    const text = await reply.innerText();
    expect(text).toMatch(/Standard shipping within the US takes 3–5 business days/);
    expect(text).not.toContain('[shipping-times]');
    expect(text.length).toBeGreaterThan(early.length);
    expect(await customer.getByTestId('message-preview').count()).toBe(0);
    expect(await customer.locator('[data-role="bot"][data-testid="message"]').count()).toBe(1);
  });

  it('disappears when the reply is withheld, and the customer is told a person is coming', async () => {
    stub.setFallback({ text: "I don't have information about gift wrapping, sorry.", chunkDelayMs: 40 });
    await send('do you sell gift wrapping?');
    await customer.getByTestId('message-preview').waitFor();
    const notice = customer.locator('[data-testid="message"][data-notice="escalated"]');
    await notice.waitFor();
    await expect.poll(() => customer.getByTestId('message-preview').count()).toBe(0);
    expect(await customer.locator('[data-role="bot"][data-testid="message"]').count()).toBe(1);
  });
});
