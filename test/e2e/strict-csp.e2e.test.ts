import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStaticPaths } from '../../apps/server/src/http/static-routes';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser, requireBuilt, screenshotDir, signInToConsole } from './browser';

let server: TestServer;
let host: Server;
let hostUrl: string;
let browser: Browser;

/** A company's page on another origin with a strict policy: no inline script or style, no eval. */
function hostPage(supportUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop with a strict CSP</title></head>
<body><h1>Strict shop</h1><script src="${supportUrl}/widget.js" data-site-key="demo" async></script></body></html>`;
}

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

beforeAll(async () => {
  requireBuilt([defaultStaticPaths.widgetBundle, path.join(defaultStaticPaths.consoleDir, 'index.html')]);
  let supportUrl = '';
  host = createServer((_req, res) => {
    const support = new URL(supportUrl);
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'none'",
        `script-src ${support.origin}`,
        "style-src 'self'",
        `connect-src ${support.origin} ws://${support.host}`,
        "img-src 'self' data:",
        "base-uri 'none'",
      ].join('; '),
    );
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(hostPage(supportUrl));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  server = await startTestServer({ SITES: `demo=self,${hostUrl}` });
  supportUrl = server.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => host?.close(resolve));
});

describe('under strict Content-Security-Policies', () => {
  it('the widget works on a host page that allows no inline script or style', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(10_000);
    const refused = refusals(page);
    await page.goto(hostUrl);
    const launcher = page.getByTestId('launcher');
    await launcher.waitFor();
    // Styled from inside its shadow root: a style the page's policy blocked would leave it in the flow.
    expect(await launcher.evaluate(computedStyle, 'position')).toBe('fixed');
    await launcher.click();
    await page.getByTestId('input').fill('how long does shipping take?');
    await page.getByTestId('send').click();
    const reply = page.locator('[data-testid="message"][data-role="bot"]').last();
    await reply.waitFor();
    expect(await reply.innerText()).toMatch(/business days/i);
    await page.screenshot({ path: path.join(screenshotDir, 'strict-csp-host.png') });
    expect(refused).toEqual([]);
  });

  it('the console and the demo shop run under their own policies without a refusal', async () => {
    await server.createAgent({ name: 'Casey', email: 'casey@example.com' });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    page.setDefaultTimeout(10_000);
    const refused = refusals(page);
    await signInToConsole(page, `${server.url}/console/`, 'casey@example.com');
    await page.getByTestId('queue').waitFor({ state: 'attached' });
    await page.goto(`${server.url}/`);
    await page.getByTestId('launcher').click();
    await page.getByTestId('panel').waitFor();
    // The shop's stylesheet applied: its header is a flex row, not an unstyled block.
    expect(await page.locator('header.site .wrap').evaluate(computedStyle, 'display')).toBe('flex');
    expect(refused).toEqual([]);
  });

  it('another site cannot frame the console', async () => {
    const page = await (await browser.newContext()).newPage();
    const refused = refusals(page);
    await page.goto(hostUrl);
    const frameSource = JSON.stringify(`${server.url}/console/`);
    // Page code, run in the browser (the test's own types know no DOM).
    await page.evaluate(
      `document.body.append(Object.assign(document.createElement('iframe'), { src: ${frameSource} }))`,
    );
    await expect.poll(() => refused.some((text) => /frame/i.test(text))).toBe(true);
  });
});
