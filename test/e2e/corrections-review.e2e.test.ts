import path from 'node:path';
import type { Author } from '@hitl/shared/models';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { botReplyFixture, conversationFixture, correctionFixture } from '../store-contract/store-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
const row = (key: string) => page.locator(`[data-testid="correction-row"][data-correction-id="${ids[key]}"]`);
const stat = (name: string) => page.getByTestId(`stat-${name}`).innerText();
const EDITED = 'Returns are free within 60 days; start one from your order page.';

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer();
  const ana = (await server.createAgent({ name: 'Ana Agent', role: 'agent' })).agent;
  const rita = (
    await server.createAgent({ name: 'Rita Reviewer', role: 'reviewer', email: 'rita@example.com' })
  ).agent;
  const author = (agent: Author) => ({ id: agent.id, name: agent.name });
  const { id: conversationId } = await server.store.createConversation(conversationFixture());
  const { message } = await server.store.appendMessage(botReplyFixture(conversationId));
  const now = Date.now();
  const seeds = [
    ['approve', author(ana), 'shipping', ['wrong_fact']],
    ['edit', author(ana), 'returns', ['incomplete']],
    ['reject', author(ana), 'shipping', ['tone']],
    ['own', author(rita), 'shipping', ['policy']],
  ] as const;
  for (const [index, [key, agent, topic, reasons]] of seeds.entries()) {
    const correction = correctionFixture(conversationId, message.id, {
      agent,
      topic,
      reasons: [...reasons],
      createdAt: new Date(now - (index + 1) * 60_000).toISOString(),
    });
    ids[key] = (await server.store.createCorrection(correction)).id;
  }
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reviewing corrections in the console', () => {
  it('shows the pending corrections and the agreement counts', async () => {
    await signInToConsole(page, `${server.url}/console/`, 'rita@example.com');
    await page.getByTestId('nav-corrections').click();
    await page.getByTestId('corrections-table').waitFor();
    await expect.poll(() => page.getByTestId('correction-row').count()).toBe(4);
    await page.getByTestId('corrections-stats').waitFor();
    expect([await stat('agreed'), await stat('edited'), await stat('disagreed'), await stat('rate')]).toEqual(
      ['0', '0', '0', '—'],
    );
  });

  it('keeps the reviewer off their own correction', async () => {
    const own = row('own');
    expect(await own.getByTestId('correction-approve').isDisabled()).toBe(true);
    expect(await own.getByTestId('correction-reject').isDisabled()).toBe(true);
    expect(await own.getByTestId('correction-approve').getAttribute('title')).toMatch(/own correction/);
  });

  it('approves with a note, edits and approves, and rejects; the counts follow', async () => {
    await row('approve').getByTestId('review-note').fill('right call');
    await row('approve').getByTestId('correction-approve').click();
    await expect.poll(() => row('approve').getAttribute('data-status')).toBe('approved');

    await row('edit').getByTestId('correction-edit').click();
    const text = row('edit').getByTestId('review-text');
    expect(await text.inputValue()).toBe(
      (await server.store.getCorrection(ids.edit as string))?.correctedText,
    );
    await text.fill(EDITED);
    await row('edit').getByTestId('review-submit-edit').click();
    await expect.poll(() => row('edit').getAttribute('data-status')).toBe('approved');
    await row('edit').getByTestId('review-edited').waitFor();

    await row('reject').getByTestId('correction-reject').click();
    await expect.poll(() => row('reject').getAttribute('data-status')).toBe('rejected');

    await expect.poll(() => stat('rate')).toBe('33%');
    expect([await stat('agreed'), await stat('edited'), await stat('disagreed')]).toEqual(['1', '1', '1']);
    expect(await server.store.getCorrection(ids.approve as string)).toMatchObject({
      review: { status: 'approved', note: 'right call', edited: false },
    });
    expect(await server.store.getCorrection(ids.edit as string)).toMatchObject({
      correctedText: EDITED,
      review: { status: 'approved', edited: true },
    });
    await shot('corrections-1-reviewed');
  });

  it('filters on the server by status, topic and author; exports keep the filters', async () => {
    await page.getByTestId('corrections-filter-any').click();
    await page.getByTestId('filter-topic').selectOption('shipping');
    await expect.poll(() => page.getByTestId('correction-row').count()).toBe(3);
    await page.getByTestId('filter-agent').selectOption({ label: 'Ana Agent' });
    await expect.poll(() => page.getByTestId('correction-row').count()).toBe(2);
    await expect.poll(() => stat('rate')).toBe('50%');

    const href = (await page.getByTestId('export-csv').getAttribute('href')) ?? '';
    const query = new URL(href, server.url).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ status: 'approved', topic: 'shipping', format: 'csv' });
    expect(query.get('agentId')).toMatch(/^agt_/);

    await page.getByTestId('corrections-filter-rejected').click();
    await expect.poll(() => page.getByTestId('correction-row').count()).toBe(1);
    await page.getByTestId('filters-clear').click();
    await page.getByTestId('filter-since').fill('2000-01-01');
    await page.getByTestId('filter-until').fill('2000-12-31');
    await expect.poll(() => page.getByTestId('correction-row').count()).toBe(0);
    await shot('corrections-2-filtered');
  });
});
