import { useCallback, useSyncExternalStore } from 'react';
import {
  NOTIFICATION_SETTINGS_KEY,
  type NotificationSettings,
  parseNotificationSettings,
} from '../lib/notification-settings';

/** Same-tab writes fire no `storage` event, so they announce themselves with this one. */
const CHANGED = 'hitl:notification-settings';

/** The notification settings in localStorage, shared live by the settings page and the shell. */
export function useNotificationSettings() {
  const stored = useSyncExternalStore(subscribe, read, () => null);
  const settings = parseNotificationSettings(stored);
  const update = useCallback((patch: Partial<NotificationSettings>) => {
    const next = { ...parseNotificationSettings(read()), ...patch };
    try {
      localStorage.setItem(NOTIFICATION_SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Storage refused (private mode, quota): the choice lasts until the page is reloaded.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return { settings, update };
}

function read(): string | null {
  try {
    return localStorage.getItem(NOTIFICATION_SETTINGS_KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}
