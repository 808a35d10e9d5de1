import type { Page } from 'playwright-core';

/**
 * Spies installed in the page before the console loads: how many tones started (Web Audio oscillators),
 * which desktop notifications were shown, and a switch that makes the tab look hidden or visible (headless
 * Chromium's tab is always visible). They observe the browser's own APIs; the console is unchanged.
 */
export async function installPageProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probes = { tones: 0, notifications: [] as { title: string; body: string }[], hidden: false };
    (window as unknown as { probes: typeof probes }).probes = probes;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      probes.tones++;
      return start.apply(this, args);
    };
    const Real = window.Notification;
    class Spy extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        probes.notifications.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(Spy, 'permission', { get: () => Real.permission });
    window.Notification = Spy as typeof Notification;
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (probes.hidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => probes.hidden });
  });
}

export type Probes = { tones: number; notifications: { title: string; body: string }[] };

export function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(() => {
    const { tones, notifications } = (window as unknown as { probes: Probes }).probes;
    return { tones, notifications: [...notifications] };
  });
}

/** Makes the tab look hidden (or visible again) and tells the page, as switching tabs would. */
export function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((value) => {
    (window as unknown as { probes: { hidden: boolean } }).probes.hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
