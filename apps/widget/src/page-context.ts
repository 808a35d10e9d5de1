import type { VisitorIdentityInput, VisitorPageInput } from '@hitl/shared/visitor-context';

/** The server's caps (`VISITOR_LIMITS`), repeated so the bundle does not carry the schemas. */
const MAX_URL = 2048;
const MAX_TITLE = 300;
const MAX_LANGUAGE = 35;
const MAX_TIME_ZONE = 64;
const MAX_NAME = 120;
const MAX_EXTERNAL_ID = 128;
/** How often an SPA's navigation is looked for: the host page's history is never patched. */
const CHECK_EVERY_MS = 1000;

/** What the visitor's browser says about the page, cut to the server's limits (a long title is no error). */
export function readPage(): VisitorPageInput {
  const referrer = document.referrer;
  let timeZone = '';
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    // An old browser without time zone support: the offset still says the local time.
  }
  return {
    url: location.href.slice(0, MAX_URL),
    title: document.title.slice(0, MAX_TITLE),
    referrer: /^https?:\/\//i.test(referrer) && referrer.length <= MAX_URL ? referrer : '',
    language: (navigator.language ?? '').slice(0, MAX_LANGUAGE),
    timeZone: timeZone.slice(0, MAX_TIME_ZONE),
    utcOffsetMinutes: -new Date().getTimezoneOffset(),
  };
}

/**
 * Calls `onChange` when the URL or the title changes: at once for back/forward and hash links, within a
 * second for `history.pushState` (which fires no event) and for a title set after the navigation.
 */
export function watchPage(onChange: () => void): () => void {
  let last = `${location.href}\n${document.title}`;
  const check = () => {
    const now = `${location.href}\n${document.title}`;
    if (now === last) return;
    last = now;
    onChange();
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  addEventListener('popstate', check);
  addEventListener('hashchange', check);
  return () => {
    clearInterval(timer);
    removeEventListener('popstate', check);
    removeEventListener('hashchange', check);
  };
}

/** Keeps only the fields identify knows, as trimmed strings within the limits; null when none is left. */
export function cleanIdentity(input: unknown): VisitorIdentityInput | null {
  if (!input || typeof input !== 'object') return null;
  const { name, email, externalId } = input as Record<string, unknown>;
  const pick = (value: unknown, max: number) =>
    typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
  const identity: VisitorIdentityInput = {};
  const n = pick(name, MAX_NAME);
  const e = pick(email, 254);
  const x = pick(externalId, MAX_EXTERNAL_ID);
  if (n) identity.name = n;
  if (e) identity.email = e;
  if (x) identity.externalId = x;
  return n || e || x ? identity : null;
}
