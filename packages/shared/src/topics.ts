/** The topics of the knowledge base; per-topic modes and thresholds refer to them. Kept free of zod for the console. */
export const articleTopics = [
  'shipping',
  'returns',
  'refunds',
  'orders',
  'payments',
  'account',
  'products',
  'warranty',
  'privacy',
  'general',
] as const;
