import type { VisitorIdentityInput } from '@hitl/shared/visitor-context';
import { accentColors, parseColor } from './accent-colors';
import { type HostEventName, HostEvents, type HostListener } from './host-events';
import { cleanIdentity } from './page-context';
import { forgetSite } from './storage';
import { pickStrings } from './strings/pick-strings';
import { HitlWidgetElement } from './widget-element';

export interface InitOptions {
  siteKey: string;
  /** Where the support server lives; defaults to the origin this script was loaded from. */
  server?: string;
  /** @deprecated the old name of `server`. */
  baseUrl?: string;
  /** A language tag (`fr`, `fr-CA`); else the browser's languages; else English. */
  locale?: string;
  theme?: {
    /** Any CSS colour; text on it is white or near-black, whichever is readable (WCAG AA). */
    accent?: string;
    mode?: 'light' | 'dark';
  };
  /** @deprecated the old name of `theme.accent`. */
  accent?: string;
  position?: 'right' | 'left';
  /** The panel's title; the site key's name by default. */
  title?: string;
  /** A text beside the launcher's icon (an icon-only button by default). */
  launcherText?: string;
  /** The first bubble; the site key's greeting by default. */
  greeting?: string;
  /** Start with the panel open (a reload keeps what the visitor chose instead). */
  open?: boolean;
}

export interface HitlWidgetApi {
  init(options: InitOptions): void;
  open(): void;
  close(): void;
  toggle(): void;
  /**
   * Who the site says the visitor is (any of name, email, externalId). Shown to agents as given by the site,
   * not verified; it grants nothing. Call it on every page load, before or after init.
   */
  identify(identity: VisitorIdentityInput): void;
  /** Listens to `ready`, `open`, `close`, `message`, `unread`; returns the function that stops listening. */
  on<E extends HostEventName>(event: E, listener: HostListener<E>): () => void;
  /** Disconnects, removes the widget and forgets this visitor in this browser: the next init is a new visitor. */
  shutdown(): void;
  /** Set on the loaded widget; absent on the page's stub. */
  readonly loaded?: true;
  /** Commands a page called before the script arrived (the stub's queue), run once it has. */
  q?: unknown[];
}

declare global {
  interface Window {
    HitlWidget?: HitlWidgetApi;
  }
}

const TAG = 'hitl-widget';
// currentScript is only set while this file first runs, so capture it now.
const ownScript = findOwnScript();
const events = new HostEvents();
let widget: HitlWidgetElement | null = null;
let siteKeyInUse: string | null = null;
/** open/close called before init: applied once the widget exists. */
let requestedOpen: boolean | null = null;
/** identify called before init: given to the widget once it exists. */
let requestedIdentity: VisitorIdentityInput | null = null;

function init(options: InitOptions): void {
  if (widget) return; // one widget per page
  if (!options?.siteKey || typeof options.siteKey !== 'string')
    throw new Error('HitlWidget.init: siteKey is required');
  const accent = options.theme?.accent ?? options.accent;
  const { lang, strings } = pickStrings(options.locale, navigator.languages ?? [navigator.language]);
  const element = document.createElement(TAG) as HitlWidgetElement;
  element.configure({
    siteKey: options.siteKey,
    baseUrl: new URL(options.server ?? options.baseUrl ?? ownScript?.src ?? location.href, location.href)
      .origin,
    position: options.position === 'left' ? 'left' : 'right',
    colors: accent ? colorsOf(accent) : null,
    mode: options.theme?.mode === 'dark' ? 'dark' : 'light',
    open: requestedOpen ?? options.open === true,
    lang,
    strings,
    title: textOption(options.title, 80),
    greeting: textOption(options.greeting, 1000),
    launcherText: textOption(options.launcherText, 40),
    events,
  });
  if (requestedOpen !== null) requestedOpen ? element.open() : element.close();
  if (requestedIdentity) element.identify(requestedIdentity);
  widget = element;
  siteKeyInUse = options.siteKey;
  whenBodyReady(() => {
    if (widget === element) document.body.append(element);
  });
}

function command(action: 'open' | 'close' | 'toggle'): void {
  if (widget) widget[action]();
  else requestedOpen = action === 'open' ? true : action === 'close' ? false : !requestedOpen;
}

function identify(input: VisitorIdentityInput): void {
  const identity = cleanIdentity(input);
  if (!identity) return;
  if (widget) widget.identify(identity);
  else requestedIdentity = identity;
}

/** Like a sign-out: the socket closes, the element goes, and what this browser kept of the visitor is erased. */
function shutdown(): void {
  const element = widget;
  widget = null;
  requestedOpen = null;
  requestedIdentity = null;
  element?.remove();
  if (siteKeyInUse) forgetSite(siteKeyInUse);
  siteKeyInUse = null;
}

/** Any CSS colour, read back by the browser as rgb(); null (the default blue) when it is not one. */
function colorsOf(accent: string) {
  if (typeof accent !== 'string' || !CSS.supports('color', accent)) return null;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.fillStyle = accent;
  const rgb = parseColor(String(context.fillStyle));
  return rgb ? accentColors(rgb) : null;
}

function textOption(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;
}

function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  return scripts.find((script) => /\/widget\.js(?:[?#]|$)/.test(script.src)) ?? null;
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

function autoInit(): void {
  const siteKey = ownScript?.dataset.siteKey;
  if (!ownScript || !siteKey) return; // embedded without data attributes: the page calls init itself
  const { position, accent, open, locale, mode, title, launcherText, greeting } = ownScript.dataset;
  init({
    siteKey,
    position: position === 'left' ? 'left' : 'right',
    theme: { accent, mode: mode === 'dark' ? 'dark' : 'light' },
    open: open === 'true',
    locale,
    title,
    launcherText,
    greeting,
  });
}

const api: HitlWidgetApi = {
  init,
  open: () => command('open'),
  close: () => command('close'),
  toggle: () => command('toggle'),
  identify,
  on: (event, listener) => events.on(event, listener),
  shutdown,
  loaded: true,
};

/** Runs what the page's stub queued, in order: `[name, args]` pairs (see the README's snippet). */
function replay(queue: unknown): void {
  if (!Array.isArray(queue)) return;
  for (const entry of queue) {
    const [name, args] = Array.isArray(entry) ? entry : [];
    const method =
      typeof name === 'string' && Object.hasOwn(api, name) ? api[name as keyof HitlWidgetApi] : null;
    if (typeof method !== 'function') continue;
    try {
      (method as (...a: unknown[]) => unknown)(...(Array.isArray(args) ? args : [args]));
    } catch (error) {
      console.error(`HitlWidget.${name}:`, error);
    }
  }
}

// A second copy of the script on the page leaves the first in charge.
if (!window.HitlWidget?.loaded) {
  if (!customElements.get(TAG)) customElements.define(TAG, HitlWidgetElement);
  const stub = window.HitlWidget;
  window.HitlWidget = api;
  replay(stub?.q);
  autoInit();
}
