import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir } from './browser';
import { css, embedScript, type HostSite, hostPage, js, startHostSite } from './widget-host';

let server: TestServer;
let host: HostSite;
let browser: Browser;

type LogEntry = { event: string; detail: Record<string, unknown> | null };
const hostLog = (page: Page) => page.evaluate<LogEntry[]>('window.hostLog');
const eventsNamed = async (page: Page, name: string) =>
  (await hostLog(page)).filter((entry) => entry.event === name);

/** Runs in the page: an element's computed CSS property (the test's own types know no DOM). */
function computedStyle(element: unknown, property: string): string {
  const view = globalThis as unknown as {
    getComputedStyle(target: unknown): { getPropertyValue(name: string): string };
  };
  return view.getComputedStyle(element).getPropertyValue(property);
}

/** Collects what the browser refused under the page's Content-Security-Policy. */
function refusals(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** The computed styles of a few host elements, read in the page (the test's own types know no DOM). */
const hostStyles = (page: Page) =>
  page.evaluate<string[]>(`['p.intro', 'h1', 'a', 'button.host-button', 'body'].map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [selector, style.color, style.fontFamily, style.fontSize, style.display, style.boxSizing,
      style.backgroundColor, style.margin, style.padding, style.lineHeight].join(' | ');
  })`);

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle]);
  let supportUrl = '';
  host = await startHostSite(() => supportUrl);
  server = await startTestServer({ SITES: `demo=self,${host.url}` });
  supportUrl = server.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
});

describe('embedding with init() on a strict-CSP site', () => {
  it('queued commands run once loaded; options, commands and events work; no refusal', async () => {
    host.set('/', hostPage('Northwind Outfitters'));
    host.set(
      '/embed.js',
      js(
        embedScript(server.url, {
          siteKey: 'demo',
          theme: { accent: '#ffeb3b' },
          position: 'left',
          title: 'Northwind help',
          launcherText: 'Chat with us',
          greeting: 'Hello from Northwind! Ask us anything.',
        }),
      ),
    );
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    page.setDefaultTimeout(10_000);
    const refused = refusals(page);
    await page.goto(host.url);
    const launcher = page.getByTestId('launcher');
    await launcher.waitFor();
    expect(await launcher.innerText()).toBe('Chat with us');
    // position: 'left'
    expect((await launcher.boundingBox())!.x).toBeLessThan(100);
    await expect.poll(async () => (await eventsNamed(page, 'ready')).length).toBe(1);

    await launcher.click();
    await page.getByTestId('panel').waitFor();
    expect(await page.getByTestId('panel').locator('.title').innerText()).toBe('Northwind help');
    expect(await page.getByTestId('greeting').innerText()).toContain('Hello from Northwind!');
    // A yellow accent gets near-black text (white on it would be 1.2:1).
    expect(await page.getByTestId('panel').locator('.header').evaluate(computedStyle, 'color')).toBe(
      'rgb(17, 17, 17)',
    );
    expect(await eventsNamed(page, 'open')).toHaveLength(1);

    await page.getByTestId('input').fill('Can you recommend a good car insurance company?');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="message"][data-role="system"]').first().waitFor();
    const messages = await eventsNamed(page, 'message');
    expect(messages.map((m) => m.detail?.role)).toContain('customer');
    expect(messages.map((m) => m.detail?.role)).toContain('system');
    const conversationId = String(messages[0]!.detail!.conversationId);

    await page.evaluate('HitlWidget.close()');
    await expect.poll(() => page.getByTestId('panel').isVisible()).toBe(false);
    expect(await eventsNamed(page, 'close')).toHaveLength(1);

    // An agent answers while the panel is closed: the page hears of the message and of the unread count.
    const { token } = await server.createAgent({ name: 'Robin Vale', email: 'robin@example.com' });
    const agent = await server.connectAgent(token);
    const claimed = await agent.emitWithAck('conversation:claim', { conversationId });
    expect(claimed.ok).toBe(true);
    await agent.emitWithAck('message:send', {
      conversationId,
      clientId: crypto.randomUUID(),
      text: 'Hi, Robin here. We only sell outdoor gear.',
    });
    // The "Robin joined" notice and the reply: both unread.
    await expect.poll(async () => (await eventsNamed(page, 'unread')).at(-1)?.detail?.count).toBe(2);
    expect(await page.getByTestId('launcher').locator('.badge').innerText()).toBe('2');
    const agentMessage = (await eventsNamed(page, 'message')).find((m) => m.detail?.role === 'agent');
    expect(agentMessage?.detail).toMatchObject({
      author: 'Robin Vale',
      text: 'Hi, Robin here. We only sell outdoor gear.',
    });

    await page.evaluate('HitlWidget.toggle()');
    await expect.poll(() => page.getByTestId('panel').isVisible()).toBe(true);
    await expect.poll(async () => (await eventsNamed(page, 'unread')).at(-1)?.detail?.count).toBe(0);
    // on() returns the function that stops listening.
    await page.evaluate(`window.stopped = 0;
      const stop = HitlWidget.on('close', () => { window.stopped++; }); stop(); HitlWidget.close();`);
    await expect.poll(async () => (await eventsNamed(page, 'close')).length).toBe(2);
    expect(await page.evaluate('window.stopped')).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'widget-init-strict-csp.png') });
    expect(refused).toEqual([]);
    agent.disconnect();
  });

  it('shutdown() disconnects, removes the widget and forgets the visitor: the next init is a new visitor', async () => {
    host.set('/', hostPage('Northwind Outfitters'));
    host.set('/embed.js', js(embedScript(server.url, { siteKey: 'demo', open: true })));
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.getByTestId('input').fill('how long does shipping take?');
    await page.getByTestId('send').click();
    await page.locator('[data-testid="message"][data-role="bot"]').waitFor();
    const first = await page.evaluate<string>(
      `JSON.parse(localStorage.getItem('hitl-widget:demo')).visitorId`,
    );

    await page.evaluate('HitlWidget.shutdown()');
    expect(await page.evaluate(`document.querySelectorAll('hitl-widget').length`)).toBe(0);
    expect(await page.evaluate(`localStorage.getItem('hitl-widget:demo')`)).toBeNull();
    expect(await page.evaluate(`sessionStorage.getItem('hitl-widget-ui:demo')`)).toBeNull();

    await page.evaluate(
      `HitlWidget.init({ siteKey: 'demo', server: ${JSON.stringify(server.url)}, open: true })`,
    );
    await page.getByTestId('panel').waitFor();
    await expect
      .poll(() =>
        page.evaluate<string | null>(
          `(JSON.parse(localStorage.getItem('hitl-widget:demo') || '{}')).visitorId || null`,
        ),
      )
      .not.toBeNull();
    const second = await page.evaluate<string>(
      `JSON.parse(localStorage.getItem('hitl-widget:demo')).visitorId`,
    );
    expect(second).not.toBe(first);
    await server.settle();
    expect(await page.locator('[data-testid="message"]').count()).toBe(0);
    expect(await page.evaluate(`document.querySelectorAll('hitl-widget').length`)).toBe(1);
  });
});

describe('the host page and the widget keep their styles apart', () => {
  const hostile = `* { all: unset; font-size: 40px !important; box-sizing: content-box !important }
div { display: none !important }
button { background: red !important; width: 5px !important; height: 5px !important; opacity: 0.1 !important }
textarea, input { font-size: 8px !important; display: none !important }
hitl-widget { display: none !important; position: absolute !important; transform: scale(0.1) !important }
svg { width: 300px !important }`;

  it('a hostile host stylesheet cannot break the widget', async () => {
    host.set('/', hostPage('Hostile shop', '<link rel="stylesheet" href="/hostile.css">'));
    host.set('/hostile.css', css(hostile));
    host.set('/embed.js', js(embedScript(server.url, { siteKey: 'demo' })));
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    const launcher = page.getByTestId('launcher');
    await launcher.waitFor();
    const box = (await launcher.boundingBox())!;
    expect([box.width, box.height]).toEqual([60, 60]);
    await launcher.click();
    const input = page.getByTestId('input');
    await input.waitFor();
    expect(await input.evaluate(computedStyle, 'font-size')).toBe('16px');
    // Polled: the panel scales in from 98 %.
    await expect.poll(async () => (await page.getByTestId('panel').boundingBox())?.width).toBe(370);
    await input.fill('how long does shipping take?');
    await page.getByTestId('send').click();
    const reply = page.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor();
    expect(await reply.locator('.bubble').evaluate(computedStyle, 'font-size')).toBe('14px');
    await page.screenshot({ path: path.join(screenshotDir, 'widget-hostile-host.png') });
  });

  it('the widget’s styles do not reach the host page', async () => {
    const shop = `body { font: 17px/1.6 Georgia, serif; color: #223; margin: 24px }
button.host-button { padding: 3px 9px; background: #eee }
p.intro { color: #445 }`;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    page.setDefaultTimeout(10_000);
    const page_ = (withWidget: boolean) => {
      const body = hostPage('Plain shop', '<link rel="stylesheet" href="/shop.css">').body.replace(
        '</main>',
        '<button class="host-button">Buy</button></main>',
      );
      return { type: 'text/html', body: withWidget ? body : body.replace(/<script[^>]*><\/script>/, '') };
    };
    host.set('/shop.css', css(shop));
    host.set('/plain', page_(false));
    host.set('/', page_(true));
    host.set('/embed.js', js(embedScript(server.url, { siteKey: 'demo', open: true })));
    await page.goto(`${host.url}/plain`);
    const before = await hostStyles(page);
    await page.goto(host.url);
    await page.getByTestId('panel').waitFor();
    expect(await hostStyles(page)).toEqual(before);
  });
});
