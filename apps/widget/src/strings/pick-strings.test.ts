import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { fillSlots, LANGUAGES, pickStrings } from './pick-strings';

describe('pickStrings', () => {
  it.each([
    ['fr', [], 'fr'],
    ['FR-ca', ['en-US'], 'fr'],
    ['fr_BE', [], 'fr'],
    ['en', ['fr-FR'], 'en'],
    [undefined, ['fr-FR', 'en'], 'fr'],
    [null, ['de-DE', 'fr'], 'fr'],
    ['de', ['es', 'fr'], 'fr'],
    ['xx', [], 'en'],
    ['', ['toString', '__proto__', 'constructor'], 'en'],
    [undefined, [], 'en'],
  ])('locale %j, browser %j → %s', (locale, browser, lang) => {
    const picked = pickStrings(locale, browser);
    expect(picked.lang).toBe(lang);
    expect(picked.strings).toBe(LANGUAGES[lang]);
  });
});

describe('translations', () => {
  it('every language keeps the English slots of every string', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const strings of Object.values(LANGUAGES))
      for (const key of Object.keys(en) as (keyof typeof en)[])
        expect(slots(strings[key]), key).toEqual(slots(en[key]));
  });

  it('French is a translation, not a copy', () => {
    expect(fr.openChat).not.toBe(en.openChat);
  });
});

describe('fillSlots', () => {
  it('fills named slots and leaves unknown ones visible', () => {
    expect(fillSlots('Chat with {name}', { name: 'Harbor & Pine' })).toBe('Chat with Harbor & Pine');
    expect(fillSlots('{count} unread', { count: 3 })).toBe('3 unread');
    expect(fillSlots('{name} and {other}', { name: 'Dana' })).toBe('Dana and {other}');
    expect(fillSlots('{toString}', {})).toBe('{toString}');
  });
});
