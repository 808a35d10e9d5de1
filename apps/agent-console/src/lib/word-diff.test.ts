import { describe, expect, it } from 'vitest';
import { diffWords } from './word-diff';

describe('diffWords', () => {
  it.each([
    ['identical texts', 'ships in 3 days', 'ships in 3 days', [{ kind: 'same', text: 'ships in 3 days' }]],
    [
      'a changed word',
      'ships in 3 days',
      'ships in 5 days',
      [
        { kind: 'same', text: 'ships in ' },
        { kind: 'removed', text: '3 ' },
        { kind: 'added', text: '5 ' },
        { kind: 'same', text: 'days' },
      ],
    ],
    [
      'no original (a human answer)',
      '',
      'We do not sell insurance.',
      [{ kind: 'added', text: 'We do not sell insurance.' }],
    ],
    [
      'words appended',
      'Standard shipping takes 3–5 days.',
      'Standard shipping takes 3–5 days. Express takes 1–2.',
      [
        { kind: 'same', text: 'Standard shipping takes 3–5 days. ' },
        { kind: 'added', text: 'Express takes 1–2.' },
      ],
    ],
    ['both empty', '', '', []],
  ] as const)('%s', (_name, before, after, expected) => {
    const parts = diffWords(before, after);
    expect(parts.map(({ kind, text }) => ({ kind, text: text }))).toEqual(
      expected.map(({ kind, text }) => ({ kind, text })),
    );
  });

  it('keeps every word of both texts, in order', () => {
    const before = 'You can return items within 30 days of delivery for a refund';
    const after = 'You can return unused items within 60 days of delivery for a full refund';
    const parts = diffWords(before, after);
    const join = (kinds: string[]) =>
      parts
        .filter((p) => kinds.includes(p.kind))
        .map((p) => p.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    expect(join(['same', 'removed'])).toBe(before);
    expect(join(['same', 'added'])).toBe(after);
  });
});
