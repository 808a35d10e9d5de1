import { describe, expect, it } from 'vitest';
import { accentColors, contrastRatio, MIN_CONTRAST, parseColor, type Rgb } from './accent-colors';

const rgb = (hex: string): Rgb => parseColor(hex)!;

describe('accentColors', () => {
  it.each([
    // accent, text on it, whether the accent had to move
    ['#2456d3', '#ffffff', false], // the default blue
    ['#000000', '#ffffff', false],
    ['#ffffff', '#111111', false],
    ['#ffeb3b', '#111111', false], // yellow
    ['#00ff00', '#111111', false], // lime
    ['#b8572f', '#ffffff', false], // the demo shop's rust
    ['#767676', '#ffffff', false], // the lightest grey white passes on
    ['#e5484d', '#111111', false], // a red where dark text wins
    ['#3e8e41', '#111111', false],
    ['#ff0000', '#111111', false],
    ['#1e90ff', '#111111', false],
    // Middle tones where neither passes: nudged the shorter way.
    ['#777777', '#ffffff', true],
    ['#787878', '#ffffff', true],
    ['#797979', '#111111', true],
    ['#7a7a7a', '#111111', true],
  ])('%s → text %s (moved: %s)', (accent, onAccent, moved) => {
    const colors = accentColors(rgb(accent));
    expect(colors.onAccent).toBe(onAccent);
    expect(colors.accent !== accent).toBe(moved);
    expect(contrastRatio(rgb(colors.accent), rgb(colors.onAccent))).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it('always yields AA text on the accent, across its gradient, and the accent as text on white', () => {
    for (let r = 0; r <= 255; r += 51)
      for (let g = 0; g <= 255; g += 17)
        for (let b = 0; b <= 255; b += 51) {
          const colors = accentColors([r, g, b]);
          const text = rgb(colors.onAccent);
          expect(contrastRatio(rgb(colors.accent), text)).toBeGreaterThanOrEqual(MIN_CONTRAST);
          expect(contrastRatio(rgb(colors.accentShade), text)).toBeGreaterThanOrEqual(MIN_CONTRAST);
          expect(contrastRatio(rgb(colors.accentInk), [255, 255, 255])).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
  });
});

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s = %d', (a, b, ratio) => {
    expect(contrastRatio(rgb(a), rgb(b))).toBeCloseTo(ratio, 2);
  });
});

describe('parseColor', () => {
  it.each([
    ['#abc', [170, 187, 204]],
    ['#AABBCC', [170, 187, 204]],
    ['#aabbccdd', [170, 187, 204]],
    ['rgb(1, 2, 3)', [1, 2, 3]],
    ['rgba(10, 20, 30, 0.5)', [10, 20, 30]],
    ['rgb(10 20 30)', [10, 20, 30]],
    ['red', null],
    ['#ggg', null],
    ['rgb(300, 0, 0)', null],
    ['', null],
  ])('%s → %j', (text, expected) => {
    expect(parseColor(text)).toEqual(expected);
  });
});
