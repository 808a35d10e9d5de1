import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TimelineEvent } from '@hitl/shared/conversation-timeline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import type { Clock } from '../../apps/server/src/lib/clock';
import { createId } from '../../apps/server/src/lib/ids';
import { botMeta } from '../store-contract/store-fixtures';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let browser: Browser;
let page: Page;
const lead = { name: 'Lee Lead', email: 'lee@example.com' };
const ana = { id: '', name: 'Ana Agent' };

/**
 * The seeded activity spans the hour before "now", and the page counts it by UTC day: in the first hour and
 * a half of a UTC day it would fall on two days (a run at 00:07 found yesterday's three conversations where
 * it looked for today's). The test's now — the server's clock and the page's — is therefore 01:30 UTC of
 * the day at the earliest, so all of it is today's whenever the test runs.
 */
const realNow = Date.now();
const now = Math.max(realNow, Date.parse(`${new Date(realNow).toISOString().slice(0, 10)}T01:30:00Z`));
const clock: Clock = { now: () => new Date(Date.now() + (now - realNow)) };
const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
const today = new Date(now).toISOString().slice(0, 10);

/**
 * Three conversations today through the store: one the bot answered, one the customer asked a person for
 * (Ana claims it after 2 minutes and closes it 5 minutes later, rated 5), one about a refund the bot was
 * unsure of (escalated, still queued); one reviewed answer marked right and one corrected.
 */
async function seed(): Promise<void> {
  const { store } = server;
  const conversation = async (minutesAgo: number, question: string, topic: string) => {
    const c = await store.createConversation({
      id: createId('cnv'),
      siteKey: 'demo',
      visitorId: createId('v'),
      createdAt: at(minutesAgo),
    });
    await store.appendMessage({
      id: createId('msg'),
      conversationId: c.id,
      clientId: createId('cli'),
      role: 'customer',
      visibility: 'public',
      text: question,
      author: null,
      bot: null,
      notice: null,
      draft: null,
      createdAt: at(minutesAgo - 1),
    });
    const { message } = await store.appendMessage({
      id: createId('msg'),
      conversationId: c.id,
      clientId: null,
      role: 'bot',
      visibility: 'public',
      text: 'Here is what I found.',
      author: null,
      bot: { ...botMeta, topic, confidence: 0.8 },
      notice: null,
      draft: null,
      createdAt: at(minutesAgo - 2),
    });
    return { ...c, replyId: message.id };
  };
  const event = (conversationId: string, e: Omit<TimelineEvent, 'id' | 'conversationId'>) =>
    store.appendConversationEvent({ id: createId('evt'), conversationId, ...e });

  const answered = await conversation(60, 'How long does shipping take?', 'shipping');
  await store.transitionConversation(answered.id, ['bot'], { state: 'closed', updatedAt: at(55) });

  const person = await conversation(50, 'I want to talk to a person', 'shipping');
  await event(person.id, {
    kind: 'escalated',
    actor: null,
    at: at(47),
    reasons: [{ signal: 'customer_request', value: 1 }],
  });
  await event(person.id, { kind: 'claimed', actor: ana, at: at(45) });
  await store.appendMessage({
    id: createId('msg'),
    conversationId: person.id,
    clientId: null,
    role: 'agent',
    visibility: 'public',
    text: 'Hello, Ana here.',
    author: ana,
    bot: null,
    notice: null,
    draft: null,
    createdAt: at(44),
  });
  await event(person.id, { kind: 'closed', actor: ana, at: at(40), outcome: 'resolved' });
  await store.transitionConversation(person.id, ['bot'], {
    state: 'closed',
    assignee: ana,
    updatedAt: at(40),
  });
  await store.rateConversation({
    conversationId: person.id,
    visitorId: person.visitorId,
    rating: 5,
    comment: null,
    ratedAt: at(39),
  });

  const refund = await conversation(30, 'Where is my refund, it has been two weeks', 'refunds');
  await event(refund.id, {
    kind: 'escalated',
    actor: null,
    at: at(27),
    reasons: [{ signal: 'low_confidence', value: 0.3 }],
  });
  await store.transitionConversation(refund.id, ['bot'], {
    state: 'queued',
    escalatedAt: at(27),
    updatedAt: at(27),
  });

  const item = await store.createReviewItem({
    id: createId('rev'),
    conversationId: answered.id,
    messageId: answered.replyId,
    question: 'How long does shipping take?',
    answer: 'Here is what I found.',
    confidence: 0.92,
    topic: 'refunds',
    reasons: [],
    createdAt: at(58),
  });
  await store.markReviewItem(item.id, { status: 'right', reviewer: ana, at: at(20), correctionId: null });
  const correction = await store.createCorrection({
    id: createId('cor'),
    conversationId: refund.id,
    messageId: refund.replyId,
    context: [],
    original: { text: 'Here is what I found.', confidence: 0.35, responder: 'offline', modelId: 'kb' },
    correctedText: 'Refunds take 5 business days after we receive the parcel.',
    topic: 'refunds',
    kind: 'rewritten_reply',
    reasons: ['wrong_fact'],
    note: null,
    agent: ana,
    editDistance: 30,
    timeSpentMs: 90_000,
    createdAt: at(25),
  });
  await store.reviewCorrection(correction.id, {
    status: 'approved',
    reviewer: ana,
    at: at(15),
    note: null,
    edited: false,
  });
}

beforeAll(async () => {
  requireBuilt([path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  server = await startTestServer({}, { clock });
  ana.id = (await server.createAgent({ name: ana.name, email: 'ana@example.com' })).agent.id;
  await server.createAgent({ ...lead, role: 'reviewer' });
  await seed();
  browser = await launchBrowser();
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true })
  ).newPage();
  // The page's presets ("last 30 days") start from its own clock: the same now as the server's.
  await page.clock.setFixedTime(new Date(now));
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of each row of a figure's table, cells joined by " | ". */
async function tableRows(id: string): Promise<string[]> {
  const rows = page.getByTestId(`table-${id}`).locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.children]
        .map((cell) => (cell.textContent ?? '').trim())
        .join(' | ')
        .trim(),
    ),
  );
}

async function downloadCsv(id: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`csv-${id}`).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

describe('the analytics page in a real browser', () => {
  it('is in the navigation of a reviewer and draws the seeded figures', async () => {
    await signInToConsole(page, `${server.url}/console/`, lead.email);
    await page.getByTestId('nav-analytics').click();
    await page.getByTestId('analytics-figures').waitFor();

    const tiles = await page.getByTestId('figure-automation').locator('.figure-tile').allInnerTexts();
    expect(tiles.map((t) => t.replace(/\s+/g, ' '))).toEqual([
      'Conversations 3',
      'Resolved without a person 1',
      'Resolved without a person (%) 33.3',
      'Escalated 2',
      'Escalation rate (%) 66.7',
    ]);
    expect(await tableRows('escalations-by-reason')).toEqual(['customer request | 1', 'low confidence | 1']);
    expect(await tableRows('escalated-questions')).toEqual([
      'Where is my refund, it has been two weeks | 1 |',
      'I want to talk to a person | 1 |',
    ]);
    expect(await tableRows('speed')).toEqual([
      'Time to first reply | 3 | 120 | 120',
      'Time to takeover | 1 | 120 | 120',
      'Agent handle time | 1 | 300 | 300',
    ]);
    expect(await tableRows('agents')).toEqual(['Ana Agent | 1 | 300 | 1 | 5 | 1 | 1']);
    expect(await tableRows('satisfaction')).toEqual(['Bot | 0 | —', 'Agent | 1 | 5']);
    expect(await page.getByTestId('figure-reliability').innerText()).toMatch(
      /threshold of 0\.36 would have kept 97 % answered accuracy \(100 % on 2 reviews\)/,
    );
    // A figure with nothing in it says so instead of drawing empty axes.
    expect(await page.getByTestId('figure-empty-drafts').innerText()).toMatch(/Nothing in this range/);

    await page.screenshot({ path: path.join(screenshotDir, 'analytics-1280.png') });
    await page.getByTestId('figure-reliability').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'analytics-1280-learning.png') });
  });

  it('downloads exactly the figures drawn, as CSV', async () => {
    const reasons = await downloadCsv('escalations-by-reason');
    expect(reasons.text).toBe('Reason,Escalations\r\ncustomer request,1\r\nlow confidence,1\r\n');

    const volume = await downloadCsv('volume');
    const lines = volume.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Day,Conversations,Customer messages');
    expect(lines).toHaveLength(31);
    expect(lines.at(-1)).toBe(`${today},3,3`);
    expect(lines.slice(1, -1).every((line) => line.endsWith(',0,0'))).toBe(true);
    expect(volume.name).toMatch(new RegExp(`^analytics-\\d{4}-\\d{2}-\\d{2}-${today}-volume\\.csv$`));

    const overTime = (await downloadCsv('escalations-by-topic-over-time')).text.trimEnd().split('\r\n');
    expect(overTime[0]).toBe('Day,refunds,shipping');
    expect(overTime.at(-1)).toBe(`${today},1,1`);

    const learning = await downloadCsv('learning');
    expect(learning.text.trimEnd().split('\r\n').at(-1)).toBe(`${today},2,1,50,1`);
  });

  it('narrows to a topic, and a range with nothing shows empty figures', async () => {
    await page.getByTestId('filter-topic').selectOption('refunds');
    await expect.poll(() => tableRows('escalations-by-reason')).toEqual(['low confidence | 1']);
    await page.getByTestId('range-custom').click();
    await page.getByTestId('range-from').fill('2024-01-01');
    await page.getByTestId('range-to').fill('2024-01-31');
    await page.getByTestId('range-apply').click();
    await page.getByTestId('figure-empty-escalations-by-reason').waitFor();
    await page.setViewportSize({ width: 1024, height: 720 });
    await page.screenshot({ path: path.join(screenshotDir, 'analytics-1024-empty.png') });
  });
});
