import type { VisitorIdentityInput } from '@hitl/shared/visitor-context';
import { cleanIdentity } from './page-context';
import { HitlWidgetElement, type WidgetConfig } from './widget-element';

export interface InitOptions {
  siteKey: string;
  /** Where the support server lives; defaults to the origin this script was loaded from. */
  baseUrl?: string;
  position?: 'right' | 'left';
  /** Any CSS color. */
  accent?: string;
  /** Start with the panel open. */
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
}

declare global {
  interface Window {
    HitlWidget?: HitlWidgetApi;
  }
}

const TAG = 'hitl-widget';
// currentScript is only set while this file first runs, so capture it now.
const ownScript = findOwnScript();
let widget: HitlWidgetElement | null = null;
/** open/close called before init: applied once the widget exists. */
let requestedOpen: boolean | null = null;
/** identify called before init: given to the widget once it exists. */
let requestedIdentity: VisitorIdentityInput | null = null;

function init(options: InitOptions): void {
  if (widget) return; // one widget per page
  if (!options?.siteKey) throw new Error('HitlWidget.init: siteKey is required');
  const config: WidgetConfig = {
    siteKey: options.siteKey,
    baseUrl: new URL(options.baseUrl ?? ownScript?.src ?? location.href, location.href).origin,
    position: options.position === 'left' ? 'left' : 'right',
    accent: options.accent && CSS.supports('color', options.accent) ? options.accent : null,
    open: requestedOpen ?? options.open === true,
  };
  if (!customElements.get(TAG)) customElements.define(TAG, HitlWidgetElement);
  const element = document.createElement(TAG) as HitlWidgetElement;
  element.configure(config);
  if (requestedIdentity) element.identify(requestedIdentity);
  widget = element;
  whenBodyReady(() => document.body.append(element));
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
  const { position, accent, open } = ownScript.dataset;
  init({ siteKey, position: position === 'left' ? 'left' : 'right', accent, open: open === 'true' });
}

if (!window.HitlWidget) {
  window.HitlWidget = {
    init,
    open: () => command('open'),
    close: () => command('close'),
    toggle: () => command('toggle'),
    identify,
  };
  autoInit();
}
