export interface Classification {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 of the positive class. Precision is 1 when nothing was predicted positive (no
 * false alarm was raised), recall 1 when there was nothing to find.
 */
export function classify(pairs: { actual: boolean; predicted: boolean }[]): Classification {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const { actual, predicted } of pairs) {
    if (actual && predicted) truePositives++;
    else if (predicted) falsePositives++;
    else if (actual) falseNegatives++;
    else trueNegatives++;
  }
  const predictedPositive = truePositives + falsePositives;
  const actualPositive = truePositives + falseNegatives;
  const precision = predictedPositive === 0 ? 1 : truePositives / predictedPositive;
  const recall = actualPositive === 0 ? 1 : truePositives / actualPositive;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, trueNegatives, precision, recall, f1 };
}
