import { z } from 'zod';

/** The answered accuracy advice aims for when none is chosen. */
export const DEFAULT_TARGET_ACCURACY = 0.97;
/** Fewer reviewed answers than this in a scope and the advice says it has too few to go on. */
export const MIN_REVIEWS_FOR_ADVICE = 20;

const accuracySchema = z.coerce.number().min(0.5).max(0.999);

export const thresholdAdviceQuerySchema = z.strictObject({
  accuracy: accuracySchema.default(DEFAULT_TARGET_ACCURACY),
});

/** The advice for one scope: the whole policy (topic null) or one topic. */
export const scopeAdviceSchema = z.object({
  topic: z.string().nullable(),
  /** The answer threshold in force for this scope now. */
  currentThreshold: z.number(),
  /**
   * The lowest answer threshold at which the reviewed answers at or above it are right at least the target
   * accuracy; null when no threshold reaches it (or there are no reviews).
   */
  advisedThreshold: z.number().nullable(),
  /** Reviewed answers this rests on, and how many of them were right and wrong. */
  reviews: z.number().int().min(0),
  right: z.number().int().min(0),
  wrong: z.number().int().min(0),
  /** Of the reviewed answers, how many the advised threshold would answer, and their accuracy. */
  answered: z.number().int().min(0),
  answeredAccuracy: z.number().min(0).max(1).nullable(),
  /** False below `MIN_REVIEWS_FOR_ADVICE` reviews: shown, but not to be applied. */
  enough: z.boolean(),
});
export type ScopeAdvice = z.infer<typeof scopeAdviceSchema>;

/** GET /api/threshold-advice */
export const thresholdAdviceResponseSchema = z.object({
  accuracy: z.number(),
  minReviews: z.number().int(),
  global: scopeAdviceSchema,
  /** Topics with at least one reviewed answer or a threshold of their own, by name. */
  topics: z.array(scopeAdviceSchema),
});
export type ThresholdAdviceResponse = z.infer<typeof thresholdAdviceResponseSchema>;

/** POST /api/admin/threshold-advice/apply: sets the advised answer threshold of one scope. */
export const thresholdAdviceApplySchema = z.strictObject({
  topic: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, 'must be a lowercase topic name')
    .nullable(),
  accuracy: accuracySchema.default(DEFAULT_TARGET_ACCURACY),
});
export type ThresholdAdviceApplyInput = z.input<typeof thresholdAdviceApplySchema>;
