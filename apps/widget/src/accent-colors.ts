/** An sRGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;
const WHITE: Rgb = [255, 255, 255];
/** The dark text candidate: not pure black, which looks harsh on saturated colours. */
const NEAR_BLACK: Rgb = [17, 17, 17];

export interface AccentColors {
  /** The accent as drawn: the one given, or nudged darker/lighter when no text colour reads on it. */
  accent: string;
  /** Text and icons on the accent (white or near-black), at least 4.5:1 against it. */
  onAccent: string;
  /** The header gradient's far end: further from the text colour, so contrast only grows across it. */
  accentShade: string;
  /** The accent as text on white (chips, links), darkened until it reads at 4.5:1. */
  accentInk: string;
}

/**
 * The colours drawn from one accent so that every text on or in it meets WCAG AA. White text when it
 * reaches 4.5:1, else near-black; when neither does (a few middle tones), the accent is darkened or
 * lightened, whichever moves it least, until one does.
 */
export function accentColors(accent: Rgb): AccentColors {
  const white = contrastRatio(accent, WHITE);
  const dark = contrastRatio(accent, NEAR_BLACK);
  let drawn = accent;
  let text = white >= dark ? WHITE : NEAR_BLACK;
  if (Math.max(white, dark) < MIN_CONTRAST) {
    const darker = adjustUntil(accent, [0, 0, 0], WHITE);
    const lighter = adjustUntil(accent, [255, 255, 255], NEAR_BLACK);
    const useDarker = darker.amount <= lighter.amount;
    drawn = useDarker ? darker.color : lighter.color;
    text = useDarker ? WHITE : NEAR_BLACK;
  }
  const shade = mix(drawn, text === WHITE ? [0, 0, 0] : [255, 255, 255], 0.3);
  return {
    accent: toHex(drawn),
    onAccent: toHex(text),
    accentShade: toHex(shade),
    accentInk: toHex(adjustUntil(accent, [0, 0, 0], WHITE).color),
  };
}

/** WCAG 2 contrast ratio between two colours, 1–21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Parses `#rgb`, `#rrggbb` (alpha ignored) and `rgb(r, g, b)` / `rgba(…)` as browsers serialise them. */
export function parseColor(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(text);
  if (!rgb) return null;
  const channels = rgb.slice(1, 4).map((c) => Math.round(Number(c)));
  return channels.every((c) => c >= 0 && c <= 255) ? (channels as unknown as Rgb) : null;
}

export function toHex(color: Rgb): string {
  return `#${color.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Moves `color` towards `target` in small steps until `text` reads on it; `amount` is how far it went (0–1). */
function adjustUntil(color: Rgb, target: Rgb, text: Rgb): { color: Rgb; amount: number } {
  for (let step = 0; step <= 50; step++) {
    const amount = step / 50;
    const candidate = mix(color, target, amount);
    if (contrastRatio(candidate, text) >= MIN_CONTRAST) return { color: candidate, amount };
  }
  return { color: target, amount: 1 };
}

function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return a.map((c, i) => Math.round(c + (b[i]! - c) * amount)) as unknown as Rgb;
}
