import type { ExportFormat } from '@hitl/shared/rest';
import { z } from 'zod';
import { csvColumns } from './dataset';

/**
 * What trainers accept, one schema per format: every exported record is checked against its
 * schema before it is written, and tests check every written line with the same schemas.
 */

const chatMessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
const assistantReplySchema = z.strictObject({
  role: z.literal('assistant'),
  content: z.string().trim().min(1),
});
type ChatMessage = z.infer<typeof chatMessageSchema>;

const hasUserTurn = (messages: ChatMessage[]) => messages.some((m) => m.role === 'user');
const promptSchema = z.array(chatMessageSchema).min(1).refine(hasUserTurn, 'the prompt has no user message');

/** OpenAI supervised fine-tuning: a conversation that ends with the assistant's (corrected) reply. */
export const openAiChatRecordSchema = z.strictObject({
  messages: z
    .array(chatMessageSchema)
    .min(2)
    .refine(hasUserTurn, 'no user message')
    .refine((messages) => {
      const last = messages.at(-1);
      return last?.role === 'assistant' && last.content.trim() !== '';
    }, 'the last message must be a non-empty assistant reply'),
});

const differentReplies = (preferred: { content: string }, other: { content: string }) =>
  preferred.content !== other.content;

/** OpenAI preference (DPO) fine-tuning: one preferred and one non-preferred assistant reply. */
export const openAiPreferenceRecordSchema = z
  .strictObject({
    input: z.strictObject({ messages: promptSchema }),
    preferred_output: z.tuple([assistantReplySchema]),
    non_preferred_output: z.tuple([assistantReplySchema]),
  })
  .refine(
    (r) => differentReplies(r.preferred_output[0], r.non_preferred_output[0]),
    'the preferred and non-preferred replies are the same',
  );

/** TRL's conversational preference format (DPOTrainer): prompt, chosen and rejected messages. */
export const trlPreferenceRecordSchema = z
  .strictObject({
    prompt: promptSchema,
    chosen: z.tuple([assistantReplySchema]),
    rejected: z.tuple([assistantReplySchema]),
  })
  .refine(
    (r) => differentReplies(r.chosen[0], r.rejected[0]),
    'the chosen and rejected replies are the same',
  );

/** One CSV record (parsed): exactly one cell per column. */
export const csvRecordSchema = z.array(z.string()).length(csvColumns.length);

/** The schema every record of a JSON Lines format must pass. */
export const datasetRecordSchemas = {
  'openai-chat': openAiChatRecordSchema,
  'openai-preference': openAiPreferenceRecordSchema,
  'trl-preference': trlPreferenceRecordSchema,
} satisfies Record<Exclude<ExportFormat, 'csv'>, z.ZodType>;
