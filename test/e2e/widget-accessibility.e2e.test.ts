import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { seriousViolations } from './axe';
import { launchBrowser, requireBuilt, screenshotDir } from './browser';
import { embedScript, type HostSite, hostPage, js, startHostSite } from './widget-host';

let server: TestServer;
let host: HostSite;
let browser: Browser;

/** The test id of the widget's focused control (inside its shadow root), or what has the page's focus. */
const focused = (page: Page) =>
  page.evaluate<string | null>(`(() => {
    const widget = document.querySelector('hitl-widget');
    const inner = widget && widget.shadowRoot && widget.shadowRoot.activeElement;
    if (inner) return inner.getAttribute('data-testid') || inner.className || inner.tagName.toLowerCase();
    return document.activeElement ? 'page:' + document.activeElement.tagName.toLowerCase() : null;
  })()`);

/** Whether the widget's focus is inside its panel. */
const focusInPanel = (page: Page) =>
  page.evaluate<boolean>(`(() => {
    const root = document.querySelector('hitl-widget').shadowRoot;
    return !!root.activeElement && root.querySelector('[data-testid="panel"]').contains(root.activeElement);
  })()`);

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle]);
  let supportUrl = '';
  host = await startHostSite(() => supportUrl);
  server = await startTestServer({ SITES: `demo=self,${host.url}` });
  supportUrl = server.url;
  host.set('/', hostPage('Keyboard shop'));
  host.set('/embed.js', js(embedScript(server.url, { siteKey: 'demo' })));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
});

describe('the widget for keyboard and screen-reader users', () => {
  it('a whole conversation with Tab, Enter and Escape only: focus stays in the panel and returns to the launcher', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.getByTestId('launcher').waitFor();
    for (let i = 0; i < 5 && (await focused(page)) !== 'launcher'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('launcher');

    await page.keyboard.press('Enter');
    await page.getByTestId('panel').waitFor();
    expect(await focused(page)).toBe('input');
    await page.keyboard.type('how long does shipping take?');
    await page.keyboard.press('Enter');
    const reply = page.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor();
    // The live region says the reply once, with who wrote it.
    await expect
      .poll(() => page.getByTestId('announcer').innerText())
      .toMatch(/^New message from Assistant: /);
    await page.keyboard.type('Thanks, I read https://example.com/faq');
    await page.keyboard.press('Enter');
    await page.locator('[data-role="customer"][data-status="sent"] a').waitFor();

    // Tab and Shift+Tab go round the panel's controls and never leave it.
    const seen = new Set<string | null>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInPanel(page), `Tab ${i + 1} left the panel`).toBe(true);
      seen.add(await focused(page));
    }
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInPanel(page), `Shift+Tab ${i + 1} left the panel`).toBe(true);
    }
    expect(seen).toContain('close');
    expect(seen).toContain('input');

    // The link in the visitor's own message is reachable and safe.
    const link = page.locator('[data-role="customer"] a');
    expect(await link.getAttribute('href')).toBe('https://example.com/faq');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('panel').isVisible()).toBe(false);
    expect(await focused(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    await page.getByTestId('panel').waitFor();
    expect(await focused(page)).toBe('input');
  });

  it('axe finds no serious or critical violation in the open widget (light and dark), every control is labelled', async () => {
    for (const mode of ['light', 'dark'] as const) {
      host.set(`/${mode}`, hostPage(`${mode} shop`));
      host.set(
        `/${mode}.js`,
        js(embedScript(server.url, { siteKey: 'demo', open: true, theme: { accent: '#0f766e', mode } })),
      );
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.route(`${host.url}/embed.js`, (route) =>
        route.fulfill({ contentType: 'text/javascript', body: '' }).then(() => undefined),
      );
      await page.goto(`${host.url}/${mode}`);
      await page.addScriptTag({ url: `${host.url}/${mode}.js` });
      await page.getByTestId('panel').waitFor();
      await page.getByTestId('input').fill('how long does shipping take? https://example.com/shipping');
      await page.getByTestId('send').click();
      await page.locator('[data-testid="message"][data-role="bot"]').last().waitFor();
      await page.screenshot({ path: path.join(screenshotDir, `widget-a11y-${mode}.png`) });
      expect(await seriousViolations(page), `${mode}: serious or critical axe violations`).toEqual([]);
      const unlabelled = await page.evaluate<string[]>(`[...document.querySelector('hitl-widget').shadowRoot
        .querySelectorAll('button, textarea, input')]
        .filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length))
        .map((el) => el.outerHTML.slice(0, 80))`);
      expect(unlabelled).toEqual([]);
      await context.close();
    }
  });

  it('with reduced motion nothing animates', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.getByTestId('launcher').click();
    const panel = page.getByTestId('panel');
    await panel.waitFor();
    expect(
      await panel.evaluate(
        (el) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { animationName: string } }
          ).getComputedStyle(el).animationName,
      ),
    ).toBe('none');
    await context.close();
  });

  it('on a phone the panel fills the screen, the input does not make iOS zoom', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(host.url);
    await page.getByTestId('launcher').tap();
    const panel = page.getByTestId('panel');
    await panel.waitFor();
    await page
      .getByTestId('input')
      .fill('Do you ship to Canada? Our order number is 1234 and we would like it by Friday.');
    await page.getByTestId('send').tap();
    await page.locator('[data-testid="message"][data-role="bot"]').last().waitFor();
    await page.getByTestId('input').fill('Thanks!');
    await expect.poll(async () => await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(
      await page
        .getByTestId('input')
        .evaluate(
          (el) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }
            ).getComputedStyle(el).fontSize,
        ),
    ).toBe('16px');
    // The close button is a comfortable touch target.
    const close = (await page.getByTestId('close').boundingBox())!;
    expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(36);
    await page.screenshot({ path: path.join(screenshotDir, 'widget-phone-390x844.png') });
    await context.close();
  });
});
