import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { page: 'inbox'; conversationId: string | null }
  | { page: 'corrections' }
  | { page: 'review' }
  | { page: 'settings' }
  | { page: 'analytics' }
  | { page: 'knowledge'; view: 'articles' | 'gaps' };
export type Page = Route['page'];

/** Hash routes keep deep links working under /console/ without any server-side fallback. */
export function useHashRoute() {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  const navigate = useCallback((to: string) => {
    window.location.hash = to;
  }, []);
  return { route: parseRoute(hash), navigate };
}

export function conversationHref(id: string): string {
  return `#/conversations/${encodeURIComponent(id)}`;
}

export const correctionsHref = '#/corrections';
export const settingsHref = '#/settings';
export const analyticsHref = '#/analytics';
export const reviewHref = '#/review';
export const knowledgeHref = '#/knowledge';
export const knowledgeGapsHref = '#/knowledge/gaps';
export const inboxHref = '#/';

function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/corrections') return { page: 'corrections' };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/analytics') return { page: 'analytics' };
  if (path === '/review') return { page: 'review' };
  if (path === '/knowledge') return { page: 'knowledge', view: 'articles' };
  if (path === '/knowledge/gaps') return { page: 'knowledge', view: 'gaps' };
  const match = /^\/conversations\/([^/]+)$/.exec(path);
  return { page: 'inbox', conversationId: match?.[1] ? decodeURIComponent(match[1]) : null };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash;
}
