import { z } from 'zod';
import { authorSchema, idSchema, MAX_MESSAGE_LENGTH } from './models';

/** What an agent types after `/` in the composer: lower-case letters, digits and dashes, like `refund`. */
export const cannedShortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and dashes, like refund')
  .max(32);

/** The variables a canned text may hold; each is filled from the conversation when it is inserted. */
export const cannedVariables = ['name', 'email', 'agent', 'site'] as const;
export type CannedVariable = (typeof cannedVariables)[number];

/** What an editor writes. */
export const cannedResponseContentSchema = z.strictObject({
  title: z.string().trim().min(1, 'the title is empty').max(120),
  shortcut: cannedShortcutSchema,
  text: z.string().trim().min(1, 'the text is empty').max(MAX_MESSAGE_LENGTH),
});
export type CannedResponseContent = z.infer<typeof cannedResponseContentSchema>;

export const cannedResponseIdSchema = idSchema;

/** A canned response as stored; the shortcut is unique in the team. */
export const cannedResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  shortcut: z.string(),
  text: z.string(),
  createdAt: z.string(),
  createdBy: authorSchema.nullable(),
  updatedAt: z.string(),
  updatedBy: authorSchema.nullable(),
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/** GET /api/canned-responses: every one, by shortcut, and the site name `{site}` stands for. */
export const cannedResponseListResponseSchema = z.object({
  cannedResponses: z.array(cannedResponseSchema),
  siteName: z.string(),
});
export type CannedResponseList = z.infer<typeof cannedResponseListResponseSchema>;

/** POST /api/canned-responses and PUT /api/canned-responses/:id. */
export const cannedResponseResponseSchema = z.object({ cannedResponse: cannedResponseSchema });
