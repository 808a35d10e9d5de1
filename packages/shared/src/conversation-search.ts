import { z } from 'zod';
import {
  conversationSchema,
  conversationStateSchema,
  escalationSignalSchema,
  idSchema,
  messageRoleSchema,
} from './models';
import { topicSchema } from './rest';

/** Longest search text accepted; a search is a few words, not a document. */
export const MAX_SEARCH_TEXT = 200;
/** At most this many words of a search count; the rest are ignored. */
export const MAX_SEARCH_TERMS = 8;

/** Where a page of results ends: the last conversation's `updatedAt` and id, as one opaque string. */
export type SearchCursor = { updatedAt: string; id: string };

export function encodeSearchCursor(cursor: SearchCursor): string {
  return `${cursor.updatedAt}_${cursor.id}`;
}

export function decodeSearchCursor(value: string): SearchCursor | null {
  const split = value.indexOf('_');
  if (split < 0) return null;
  const updatedAt = value.slice(0, split);
  const id = value.slice(split + 1);
  if (!z.iso.datetime().safeParse(updatedAt).success || !idSchema.safeParse(id).success) return null;
  return { updatedAt, id };
}

/**
 * The words a search looks for: runs of letters and digits, lowercased. Every one must appear in the same
 * message, as a whole word (the SQLite FTS5 and MongoDB text indexes tokenise the same way).
 */
export function searchTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

const SNIPPET_LENGTH = 160;
const SNIPPET_LEAD = 48;

/** The part of a message around the first word searched for, cut at word boundaries with ellipses. */
export function searchSnippet(text: string, terms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const lower = flat.toLowerCase();
  const positions = terms.map((term) => wordIndex(lower, term)).filter((index) => index >= 0);
  const first = positions.length === 0 ? 0 : Math.min(...positions);
  let start = Math.max(0, first - SNIPPET_LEAD);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > first ? space : end;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

function wordIndex(lower: string, term: string): number {
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'u').exec(lower);
  return match ? match.index : -1;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const agentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');
const siteKeySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a site key');

/** GET /api/conversations/search: every filter optional, combined with AND; most recently active first. */
export const conversationSearchQuerySchema = z
  .strictObject({
    /** Words that must all appear in one public message (customer, bot or agent) of the conversation. */
    q: z
      .string()
      .trim()
      .max(MAX_SEARCH_TEXT)
      .refine((q) => q === '' || searchTerms(q).length > 0, 'must contain a letter or a digit')
      .optional(),
    state: conversationStateSchema.optional(),
    /** Conversations escalated (now or last time) with this signal among the reasons. */
    reason: escalationSignalSchema.optional(),
    /** Conversations with a bot reply on this knowledge-base topic. */
    topic: topicSchema.optional(),
    /** Conversations assigned to this agent (the current owner, or the last one of a closed conversation). */
    agentId: agentIdSchema.optional(),
    siteKey: siteKeySchema.optional(),
    /** Last activity at or after this instant. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Last activity before this instant. */
    to: z.iso.datetime({ offset: true }).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z
      .string()
      .max(120)
      .refine((c) => decodeSearchCursor(c) !== null, 'must be a cursor from a previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type ConversationSearchQuery = z.infer<typeof conversationSearchQuerySchema>;
export type ConversationSearchParams = z.input<typeof conversationSearchQuerySchema>;

/** The message a text search matched: the latest matching one of the conversation. */
export const searchMatchSchema = z.object({
  messageId: z.string(),
  seq: z.number().int().min(0),
  role: messageRoleSchema,
  createdAt: z.string(),
  snippet: z.string(),
});
export type SearchMatch = z.infer<typeof searchMatchSchema>;

export const conversationHitSchema = z.object({
  conversation: conversationSchema,
  /** Null when no text was searched. */
  match: searchMatchSchema.nullable(),
});
export type ConversationHit = z.infer<typeof conversationHitSchema>;

export const conversationSearchResponseSchema = z.object({
  hits: z.array(conversationHitSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ConversationSearchResponse = z.infer<typeof conversationSearchResponseSchema>;
