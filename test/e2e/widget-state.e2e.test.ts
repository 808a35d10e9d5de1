import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir } from './browser';
import { type FrozenLink, startFrozenLink } from './frozen-link';
import { embedScript, type HostSite, hostPage, js, startHostSite } from './widget-host';

let server: TestServer;
let link: FrozenLink;
let host: HostSite;
let browser: Browser;

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle]);
  host = await startHostSite(() => link.url);
  server = await startTestServer({ SITES: `demo=self,${host.url}` });
  // Everything the widget loads and says goes through a relay the tests can silence.
  link = await startFrozenLink(server.url);
  host.set('/', hostPage('Stateful shop'));
  host.set('/other', hostPage('Another page of the shop'));
  host.set('/embed.js', js(embedScript(link.url, { siteKey: 'demo' })));
  host.set('/fr', hostPage('Boutique', '', '/fr.js'));
  host.set('/fr.js', js(embedScript(link.url, { siteKey: 'demo', locale: 'fr' })));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await link?.close();
  await server?.close();
  await host?.close();
});

async function openPage(context: BrowserContext, url = host.url): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.getByTestId('launcher').waitFor();
  return page;
}

/** The link is up and the first sync done: the status line is the conversation's, not the link's. */
const online = (page: Page) =>
  expect.poll(() => page.getByTestId('status').getAttribute('data-connection')).toBe('online');

describe('what survives a reload', () => {
  it('the open panel and the draft survive a reload and a navigation; closed stays closed', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    await page.getByTestId('launcher').click();
    await page.getByTestId('input').fill('I would like to return the lantern I bou');
    await page.reload();
    await page.getByTestId('panel').waitFor();
    expect(await page.getByTestId('input').inputValue()).toBe('I would like to return the lantern I bou');

    await page.goto(`${host.url}/other`);
    await page.getByTestId('panel').waitFor();
    expect(await page.getByTestId('input').inputValue()).toBe('I would like to return the lantern I bou');

    await page.getByTestId('close').click();
    await page.reload();
    await page.getByTestId('launcher').waitFor();
    await server.settle();
    expect(await page.getByTestId('panel').isVisible()).toBe(false);
    await context.close();
  });

  it('two tabs of one visitor show the same conversation', async () => {
    const context = await browser.newContext();
    const first = await openPage(context);
    await first.getByTestId('launcher').click();
    await online(first);
    await first.getByTestId('input').fill('how long does shipping take?');
    await first.getByTestId('send').click();
    await first.locator('[data-testid="message"][data-role="bot"]').waitFor();
    const second = await openPage(context);
    await second.getByTestId('launcher').click();
    await second.locator('[data-testid="message"][data-role="bot"]').waitFor();
    await second.getByTestId('input').fill('And to Canada?');
    await second.getByTestId('send').click();
    await first
      .locator('[data-testid="message"][data-role="customer"]', { hasText: 'And to Canada?' })
      .waitFor();
    await context.close();
  });
});

describe('languages', () => {
  it('the locale option picks French', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await openPage(context, `${host.url}/fr`);
    expect(await page.getByTestId('launcher').getAttribute('aria-label')).toBe('Ouvrir la discussion');
    await page.getByTestId('launcher').click();
    expect(await page.getByTestId('input').getAttribute('placeholder')).toBe('Écrivez un message…');
    expect(await page.getByTestId('talk-to-person').innerText()).toBe('Parler à une personne');
    await expect
      .poll(() => page.getByTestId('status').innerText())
      .toBe('Assistant · répond en général tout de suite');
    expect(await page.getByTestId('panel').evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe(
      'fr',
    );
    // The button asks for a person in French, and the server understands it.
    await page.getByTestId('talk-to-person').click();
    await page
      .locator('[data-testid="message"][data-role="customer"]', { hasText: 'Je veux parler à une personne' })
      .waitFor();
    await expect.poll(() => page.getByTestId('status').innerText()).toBe('En attente d’une personne…');
    // The server's notices are shown in French too (nobody is online in this test).
    await page
      .locator('[data-testid="message"][data-notice="no_agent_online"]', {
        hasText: 'Notre équipe n’est pas disponible pour le moment.',
      })
      .waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'widget-french.png') });
    await context.close();
  });

  it('without the option the browser’s languages decide, else English', async () => {
    const french = await browser.newContext({ locale: 'fr-CA' });
    const page = await openPage(french);
    expect(await page.getByTestId('launcher').getAttribute('aria-label')).toBe('Ouvrir la discussion');
    await french.close();
    const other = await browser.newContext({ locale: 'ja-JP' });
    const english = await openPage(other);
    expect(await english.getByTestId('launcher').getAttribute('aria-label')).toBe('Open chat');
    await other.close();
  });
});

describe('losing the link', () => {
  it('offline: shown at once, a message sent meanwhile waits and goes when the network is back', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    await page.getByTestId('launcher').click();
    await online(page);
    await context.setOffline(true);
    await page.getByTestId('status').getByText('Offline').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('connection').innerText()).toMatch(/offline/i);
    await page.getByTestId('input').fill('how long does shipping take?');
    await page.getByTestId('send').click();
    const mine = page.locator('[data-testid="message"][data-role="customer"]');
    expect(await mine.getAttribute('data-status')).toBe('pending');
    await page.screenshot({ path: path.join(screenshotDir, 'widget-offline.png') });

    await context.setOffline(false);
    await expect.poll(() => mine.getAttribute('data-status')).toBe('sent');
    await page.locator('[data-testid="message"][data-role="bot"]').waitFor();
    await online(page);
    await context.close();
  });

  it('a link that dies silently is noticed by the heartbeat within 5 s, and recovers', async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    await page.getByTestId('launcher').click();
    await online(page);
    link.freeze();
    try {
      // 2 s between pings + 3 s to answer; the wait allows a little for a busy machine.
      await page.getByTestId('status').getByText('Reconnecting…').waitFor({ timeout: 6000 });
    } finally {
      link.thaw();
    }
    await page.getByTestId('input').fill('how long does shipping take?');
    await page.getByTestId('send').click();
    await page.locator('[data-testid="message"][data-role="bot"]').waitFor({ timeout: 15_000 });
    await online(page);
    await context.close();
  });
});
