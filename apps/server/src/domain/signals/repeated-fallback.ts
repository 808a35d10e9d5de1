/**
 * How many of the bot's latest answers in a row were below their threshold. `confidences` are the bot's
 * answers since the context boundary, oldest first; a turn without a confidence ends the run.
 */
export function countConsecutiveLowConfidence(confidences: (number | null)[], threshold: number): number {
  let count = 0;
  for (let i = confidences.length - 1; i >= 0; i--) {
    const confidence = confidences[i];
    if (confidence === null || confidence === undefined || confidence >= threshold) break;
    count++;
  }
  return count;
}
