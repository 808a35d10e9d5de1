import type { Page } from 'playwright-core';

/**
 * Spies installed in the page before the console loads: how many tones started (Web Audio oscillators),
 * which desktop notifications were shown, and a switch that makes the tab look hidden or visible (headless
 * Chromium's tab is always visible). They observe the browser's own APIs; the console is unchanged.
 * Page code is a string: the test's own types know no DOM.
 */
const probeScript = `(() => {
  const probes = { tones: 0, notifications: [], hidden: false };
  window.probes = probes;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    probes.tones++;
    return start.apply(this, args);
  };
  const Real = window.Notification;
  class Spy extends Real {
    constructor(title, options) {
      super(title, options);
      probes.notifications.push({ title, body: (options && options.body) || '' });
    }
  }
  Object.defineProperty(Spy, 'permission', { get: () => Real.permission });
  window.Notification = Spy;
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (probes.hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => probes.hidden });
})()`;

export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript(probeScript);
}

export type Probes = { tones: number; notifications: { title: string; body: string }[] };

export function readProbes(page: Page): Promise<Probes> {
  return page.evaluate<Probes>(
    '({ tones: window.probes.tones, notifications: [...window.probes.notifications] })',
  );
}

/** Makes the tab look hidden (or visible again) and tells the page, as switching tabs would. */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate(
    `window.probes.hidden = ${JSON.stringify(hidden)}; document.dispatchEvent(new Event('visibilitychange'))`,
  );
}

/** The test id of the element that has the focus, or null. */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>(
    `document.activeElement ? document.activeElement.getAttribute('data-testid') : null`,
  );
}

/** Whether the focus is inside a dialog. */
export function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    `Boolean(document.activeElement && document.activeElement.closest('[role="dialog"]'))`,
  );
}
