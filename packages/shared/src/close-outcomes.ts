import { z } from 'zod';

/** How a conversation ended, chosen by whoever closes it; kept on the conversation for reporting. */
export const closeOutcomes = ['resolved', 'no_reply_needed', 'spam', 'duplicate'] as const;
export const closeOutcomeSchema = z.enum(closeOutcomes);
export type CloseOutcome = z.infer<typeof closeOutcomeSchema>;

export const closeOutcomeLabels: Record<CloseOutcome, string> = {
  resolved: 'Resolved',
  no_reply_needed: 'No reply needed',
  spam: 'Spam',
  duplicate: 'Duplicate',
};

/** A free tag: lower-case words joined by hyphens (`refund`, `late-delivery`), so the same tag is one tag. */
export const conversationTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .max(32);

export const MAX_CONVERSATION_TAGS = 8;

export const conversationTagsSchema = z
  .array(conversationTagSchema)
  .max(MAX_CONVERSATION_TAGS)
  .transform((tags) => [...new Set(tags)]);
