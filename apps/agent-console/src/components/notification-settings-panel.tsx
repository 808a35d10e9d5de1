import './notification-settings-panel.css';
import { useState } from 'react';
import { useNotificationSettings } from '../hooks/use-notification-settings';

/** This browser's notification choices: a tone, and desktop notifications while the tab is hidden. */
export function NotificationSettingsPanel() {
  const { settings, update } = useNotificationSettings();
  const [problem, setProblem] = useState<string | null>(null);
  const supported = typeof Notification !== 'undefined';

  const setDesktop = async (on: boolean) => {
    setProblem(null);
    if (!on) return update({ desktop: false });
    // The browser asks once; a refusal can only be undone in the browser's site settings.
    const permission =
      Notification.permission === 'default'
        ? await Notification.requestPermission()
        : Notification.permission;
    if (permission === 'granted') update({ desktop: true });
    else setProblem('The browser blocks notifications for this site; allow them in its site settings.');
  };

  return (
    <section
      className="settings-section notification-settings"
      aria-labelledby="notification-settings-title"
      data-testid="notification-settings"
    >
      <h3 id="notification-settings-title">Notifications</h3>
      <p className="muted">
        New conversations in the queue and new messages from your customers. Kept in this browser only.
      </p>
      <label className="checkbox-line">
        <input
          type="checkbox"
          data-testid="notify-sound"
          checked={settings.sound}
          onChange={(event) => update({ sound: event.target.checked })}
        />
        Play a sound
      </label>
      <label className="checkbox-line">
        <input
          type="checkbox"
          data-testid="notify-desktop"
          disabled={!supported}
          checked={supported && settings.desktop}
          onChange={(event) => void setDesktop(event.target.checked)}
        />
        Desktop notifications while this tab is hidden
      </label>
      {!supported && <p className="muted small">This browser has no desktop notifications.</p>}
      {problem && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
