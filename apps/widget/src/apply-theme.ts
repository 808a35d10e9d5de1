import type { AccentColors } from './accent-colors';
import { setAttr } from './render';

/** Position, mode, language and the accent's colours on the widget's root, as attributes and CSS variables. */
export function applyTheme(
  root: HTMLElement,
  theme: { position: string; mode: 'light' | 'dark'; lang: string; colors: AccentColors | null },
): void {
  setAttr(root, 'data-position', theme.position);
  setAttr(root, 'data-mode', theme.mode);
  setAttr(root, 'lang', theme.lang);
  const { colors } = theme;
  if (!colors) return;
  root.style.setProperty('--accent', colors.accent);
  root.style.setProperty('--on-accent', colors.onAccent);
  root.style.setProperty('--accent-shade', colors.accentShade);
  // On a dark panel text stays light; the darkened ink is for white backgrounds only.
  if (theme.mode === 'light') root.style.setProperty('--accent-ink', colors.accentInk);
}
