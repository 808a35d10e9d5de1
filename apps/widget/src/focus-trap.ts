const FOCUSABLE =
  'a[href],button:not([disabled]),textarea:not([disabled]),input:not([disabled]),[tabindex="0"]';

/**
 * Keeps Tab and Shift+Tab inside the open panel: from the last control to the first and back. Only
 * controls that are shown count (a hidden row's buttons are skipped). `active` is the shadow root's
 * focused element, which `document.activeElement` would hide behind the host.
 */
export function trapTab(event: KeyboardEvent, panel: HTMLElement, active: Element | null): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const controls = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const inside = active instanceof HTMLElement && controls.includes(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
