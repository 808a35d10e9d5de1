import { describe, expect, it } from 'vitest';
import { UiStateStore } from './ui-state';

/** Web Storage over a Map: what the browser's sessionStorage does for one tab. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('UiStateStore', () => {
  it('a new tab starts closed and empty, and says nothing was restored', () => {
    const store = new UiStateStore('demo', memoryStorage());
    expect(store.get()).toEqual({ open: false, draft: '' });
    expect(store.restored).toBe(false);
  });

  it('what one page kept, the next page of the same tab and site key reads back', () => {
    const storage = memoryStorage();
    new UiStateStore('demo', storage).update({ open: true, draft: 'I would like to ret' });
    const next = new UiStateStore('demo', storage);
    expect(next.restored).toBe(true);
    expect(next.get()).toEqual({ open: true, draft: 'I would like to ret' });
    expect(new UiStateStore('other-site', storage).get()).toEqual({ open: false, draft: '' });
  });

  it('a damaged record is read as the defaults, a huge draft is cut', () => {
    const storage = memoryStorage();
    storage.setItem('hitl-widget-ui:demo', JSON.stringify({ open: 'yes', draft: 42 }));
    expect(new UiStateStore('demo', storage).get()).toEqual({ open: false, draft: '' });
    storage.setItem('hitl-widget-ui:demo', '{not json');
    expect(new UiStateStore('demo', storage).get()).toEqual({ open: false, draft: '' });
    storage.setItem('hitl-widget-ui:demo', JSON.stringify({ open: true, draft: 'x'.repeat(20_000) }));
    expect(new UiStateStore('demo', storage).get().draft).toHaveLength(8000);
  });

  it('works without storage (privacy modes) and clear() forgets', () => {
    const memoryless = new UiStateStore('demo', null);
    memoryless.update({ open: true });
    expect(memoryless.get().open).toBe(true);
    const storage = memoryStorage();
    const store = new UiStateStore('demo', storage);
    store.update({ draft: 'hello' });
    store.clear();
    expect(storage.getItem('hitl-widget-ui:demo')).toBeNull();
  });
});
