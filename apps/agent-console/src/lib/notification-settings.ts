/** The agent's notification choices, kept per browser (localStorage). */
export type NotificationSettings = { sound: boolean; desktop: boolean };

export const NOTIFICATION_SETTINGS_KEY = 'hitl.console.notifications';

/** Sound is on until turned off; desktop notifications need the browser's permission, so start off. */
export const defaultNotificationSettings: NotificationSettings = { sound: true, desktop: false };

/** Reads stored settings; anything missing or malformed falls back to the default for that setting only. */
export function parseNotificationSettings(stored: string | null): NotificationSettings {
  let value: unknown = null;
  try {
    value = stored === null ? null : JSON.parse(stored);
  } catch {
    value = null;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    sound: typeof record.sound === 'boolean' ? record.sound : defaultNotificationSettings.sound,
    desktop: typeof record.desktop === 'boolean' ? record.desktop : defaultNotificationSettings.desktop,
  };
}
