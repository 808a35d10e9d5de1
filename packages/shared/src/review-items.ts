import { z } from 'zod';
import {
  authorSchema,
  correctionReasonSchema,
  correctionSchema,
  idSchema,
  messageSchema,
  messageTextSchema,
  reasonSchema,
  timeSpentSchema,
} from './models';
import { correctionFilterSchema } from './rest';

/*
 * The review-later list: answers the bot sent with a confidence in the review band (between the review and
 * the answer threshold), for an agent to mark right or correct after the fact.
 */

export const reviewItemStatuses = ['pending', 'right', 'corrected'] as const;
export const reviewItemStatusSchema = z.enum(reviewItemStatuses);
export type ReviewItemStatus = z.infer<typeof reviewItemStatusSchema>;

export const reviewItemSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** The bot's answer the customer received. */
  messageId: z.string(),
  question: z.string(),
  answer: z.string(),
  confidence: z.number().min(0).max(1),
  topic: z.string().nullable(),
  /** Why it is here (`review_band 0.78 < 0.84`). */
  reasons: z.array(reasonSchema),
  createdAt: z.string(),
  status: reviewItemStatusSchema,
  /** Who marked it, once marked; null while pending. */
  reviewer: authorSchema.nullable(),
  reviewedAt: z.string().nullable(),
  /** The correction recorded when it was marked `corrected`. */
  correctionId: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** Review orders: by expected value (the default), or by time. */
export const reviewOrders = ['value', 'newest', 'oldest'] as const;
export const reviewOrderSchema = z.enum(reviewOrders);
export type ReviewOrder = z.infer<typeof reviewOrderSchema>;

/**
 * What reviewing an answer is worth: how unsure the bot was (1 − confidence) times how many recent
 * customer questions resemble its question, so one review helps many customers.
 */
export const reviewPrioritySchema = z.object({
  uncertainty: z.number().min(0).max(1),
  similar: z.number().int().min(0),
  value: z.number().min(0),
});
export type ReviewPriority = z.infer<typeof reviewPrioritySchema>;

export const reviewItemListQuerySchema = z.strictObject({
  status: z.union([reviewItemStatusSchema, z.literal('any')]).default('pending'),
  order: reviewOrderSchema.default('value'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ReviewItemListQuery = z.infer<typeof reviewItemListQuerySchema>;

/** GET /api/review-items */
export const reviewItemListResponseSchema = z.object({
  items: z.array(reviewItemSchema.extend({ priority: reviewPrioritySchema })),
});
export type ReviewItemListResponse = z.infer<typeof reviewItemListResponseSchema>;
export type PrioritizedReviewItem = ReviewItemListResponse['items'][number];

/** An agent's verdict on a review item: the answer was right, or here is the right one. */
export const reviewMarkSchema = z.discriminatedUnion('verdict', [
  z.object({ itemId: idSchema, verdict: z.literal('right') }),
  z.object({
    itemId: idSchema,
    verdict: z.literal('corrected'),
    correctedText: messageTextSchema,
    reasons: z.array(correctionReasonSchema).min(1).max(6),
    note: z.string().trim().max(1000).nullish(),
    timeSpentMs: timeSpentSchema,
  }),
]);
export type ReviewMarkInput = z.input<typeof reviewMarkSchema>;

/** The ack of `review:mark`: the correction when corrected, and the follow-up the customer received, if any. */
export const reviewMarkResultSchema = z.object({
  item: reviewItemSchema,
  correction: correctionSchema.nullable(),
  followUp: messageSchema.nullable(),
});
export type ReviewMarkResult = z.infer<typeof reviewMarkResultSchema>;

/** GET /api/corrections: the list's filters and an order (newest first unless asked; the console asks for value). */
export const correctionListQuerySchema = correctionFilterSchema.extend({
  order: reviewOrderSchema.default('newest'),
});

/** GET /api/corrections?order=…: the corrections and, by id, what reviewing each is worth. */
export const correctionListResponseSchema = z.object({
  corrections: z.array(correctionSchema),
  priorities: z.record(z.string(), reviewPrioritySchema),
});
export type CorrectionListResponse = z.infer<typeof correctionListResponseSchema>;
