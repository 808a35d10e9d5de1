import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../apps/server/src/lib/seeded-random';
import {
  accuracyAt,
  type CurvePoint,
  isCorrected,
  splitStartAndStream,
  summarizeRound,
  toRounds,
} from './learning-rounds';

const point = (corrections: number, testAccuracy: number): CurvePoint => ({
  round: 1,
  streamed: 0,
  corrections,
  testAccuracy,
  escalatedShare: 0,
  answeredAccuracy: null,
});

describe('learning rounds', () => {
  it('starts from the first examples of each intent in a seeded order and streams the rest', () => {
    const train = ['a', 'a', 'a', 'b', 'b', 'c'].map((intent, index) => ({ question: `q${index}`, intent }));
    const first = splitStartAndStream(train, 2, seededRandom(1));
    const again = splitStartAndStream(train, 2, seededRandom(1));
    expect(first).toEqual(again);
    expect(first.start.map((item) => item.intent).sort()).toEqual(['a', 'a', 'b', 'b', 'c']);
    expect(first.stream.map((item) => item.intent)).toEqual(['a']);
    expect([...first.start, ...first.stream].map((item) => item.question).sort()).toEqual(
      train.map((item) => item.question).sort(),
    );
  });

  it.each([
    { items: 5, size: 2, sizes: [2, 2, 1] },
    { items: 4, size: 2, sizes: [2, 2] },
    { items: 0, size: 3, sizes: [] },
  ])('cuts $items questions into rounds of $size', ({ items, size, sizes }) => {
    expect(
      toRounds(
        Array.from({ length: items }, (_, i) => i),
        size,
      ).map((round) => round.length),
    ).toEqual(sizes);
  });

  it.each([
    { mode: 'escalated', escalated: true, correct: false, corrected: true },
    { mode: 'escalated', escalated: false, correct: false, corrected: false },
    { mode: 'escalated', escalated: false, correct: true, corrected: false },
    { mode: 'every-wrong', escalated: false, correct: false, corrected: true },
    { mode: 'every-wrong', escalated: false, correct: true, corrected: false },
    { mode: 'every-wrong', escalated: true, correct: true, corrected: true },
  ] as const)('$mode: escalated $escalated, right $correct → corrected $corrected', (row) => {
    expect(isCorrected(row.mode, row)).toBe(row.corrected);
  });

  it('summarizes a round: escalated share, accuracy of what was answered, corrections so far', () => {
    const outcomes = [
      { escalated: true, correct: true },
      { escalated: true, correct: false },
      { escalated: false, correct: true },
      { escalated: false, correct: false },
    ];
    const before = { streamed: 10, corrections: 3 };
    expect(summarizeRound(2, outcomes, before, 'escalated', 0.5)).toEqual({
      round: 2,
      streamed: 14,
      corrections: 5,
      testAccuracy: 0.5,
      escalatedShare: 0.5,
      answeredAccuracy: 0.5,
    });
    expect(summarizeRound(2, outcomes, before, 'every-wrong', 0.5).corrections).toBe(6);
    expect(summarizeRound(1, [{ escalated: true, correct: false }], before, 'escalated', 0)).toMatchObject({
      escalatedShare: 1,
      answeredAccuracy: null,
    });
  });

  it.each([
    { corrections: 1000, expected: 0.8 },
    { corrections: 1200, expected: 0.8 },
    { corrections: 600, expected: 0.7 },
    { corrections: 2000, expected: null },
  ])('reads the accuracy at $corrections corrections', ({ corrections, expected }) => {
    const curve = [point(0, 0.6), point(500, 0.7), point(1000, 0.8), point(1500, 0.85)];
    expect(accuracyAt(curve, corrections)?.testAccuracy ?? null).toBe(expected);
  });
});
