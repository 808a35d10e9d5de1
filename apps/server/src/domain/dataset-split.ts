export type DatasetSplit = 'train' | 'validation';

/** The largest share of conversations that may go to validation. */
export const MAX_VALIDATION_FRACTION = 0.5;

/**
 * Train or validation, by conversation: every example of a conversation lands in the same split, so
 * no conversation is seen in training and then again in validation. The choice is a stable hash of
 * the conversation id (FNV-1a, 32-bit, over UTF-16 code units) scaled to [0, 1) and compared with the
 * fraction: the same conversation gets the same split on every run and every machine.
 */
export function assignSplit(conversationId: string, validationFraction: number): DatasetSplit {
  if (validationFraction <= 0) return 'train';
  return splitPoint(conversationId) < validationFraction ? 'validation' : 'train';
}

/** Where a conversation falls in [0, 1). */
export function splitPoint(conversationId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < conversationId.length; i++) {
    h ^= conversationId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x1_0000_0000;
}
