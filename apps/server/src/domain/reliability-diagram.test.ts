import { describe, expect, it } from 'vitest';
import { reliabilityDiagram } from './reliability-diagram';
import { adviseThreshold } from './threshold-advice';

describe('reliabilityDiagram', () => {
  it('bins reviewed answers by stated confidence, 1.00 in the last bin', () => {
    const diagram = reliabilityDiagram(
      [
        { hundredth: 5, answers: 2, right: 0 },
        { hundredth: 84, answers: 4, right: 3 },
        { hundredth: 89, answers: 1, right: 1 },
        { hundredth: 100, answers: 3, right: 3 },
      ],
      0.9,
    );
    expect(diagram.bins).toHaveLength(10);
    expect(diagram.bins[0]).toEqual({ from: 0, to: 0.1, answers: 2, right: 0, accuracy: 0 });
    expect(diagram.bins[8]).toEqual({ from: 0.8, to: 0.9, answers: 5, right: 4, accuracy: 0.8 });
    expect(diagram.bins[9]).toEqual({ from: 0.9, to: 1, answers: 3, right: 3, accuracy: 1 });
    expect(diagram.bins[4]?.accuracy).toBeNull();
    expect(diagram.reviews).toBe(10);
  });

  it('gives the threshold advice would give for the same reviews one by one', () => {
    const reviews = [
      ...Array.from({ length: 3 }, () => ({ confidence: 0.42, right: false })),
      ...Array.from({ length: 2 }, () => ({ confidence: 0.61, right: true })),
      { confidence: 0.61, right: false },
      ...Array.from({ length: 9 }, () => ({ confidence: 0.8, right: true })),
    ];
    const diagram = reliabilityDiagram(
      [
        { hundredth: 42, answers: 3, right: 0 },
        { hundredth: 61, answers: 3, right: 2 },
        { hundredth: 80, answers: 9, right: 9 },
      ],
      0.95,
    );
    const advice = adviseThreshold(reviews, 0.95, 0);
    expect(diagram.threshold).toBe(advice.threshold);
    expect(diagram.threshold).toBe(0.62);
    expect(diagram.answeredAccuracy).toBe(advice.answeredAccuracy);
  });

  it('has no threshold without reviews', () => {
    expect(reliabilityDiagram([], 0.97)).toMatchObject({
      threshold: null,
      answeredAccuracy: null,
      reviews: 0,
    });
  });
});
