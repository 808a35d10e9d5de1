import { en, type WidgetStrings } from './en';
import { fr } from './fr';

/** The languages the widget speaks, by primary language subtag. Add one here and in its own file. */
export const LANGUAGES: Readonly<Record<string, WidgetStrings>> = { en, fr };

export interface PickedStrings {
  /** The primary subtag of the language chosen (`lang` of the widget's root). */
  lang: string;
  strings: WidgetStrings;
}

/**
 * The host's `locale` option when the widget speaks it, else the first of the browser's languages it
 * speaks, else English. Regional tags fall back to their language (`fr-CA` → `fr`).
 */
export function pickStrings(
  locale: string | null | undefined,
  browserLanguages: readonly string[],
): PickedStrings {
  for (const tag of [locale, ...browserLanguages]) {
    const lang = tag?.trim().toLowerCase().split(/[-_]/)[0];
    const strings = lang && Object.hasOwn(LANGUAGES, lang) ? LANGUAGES[lang] : undefined;
    if (lang && strings) return { lang, strings };
  }
  return { lang: 'en', strings: en };
}

/** Fills `{slot}`s of a string; a slot without a value is left as written so the gap is visible. */
export function fillSlots(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot,
  );
}
