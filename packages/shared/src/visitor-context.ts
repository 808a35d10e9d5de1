import { z } from 'zod';
import { type authorSchema, idSchema } from './models';

/**
 * What the page tells us about its visitor. All of it comes from the host page (or the visitor's own
 * browser), so it is a claim, never a verified identity: it is shown as such and grants nothing.
 */
export const VISITOR_LIMITS = {
  name: 120,
  email: 254,
  externalId: 128,
  url: 2048,
  title: 300,
  language: 35,
  timeZone: 64,
  userAgent: 512,
} as const;

const httpUrl = z
  .string()
  .max(VISITOR_LIMITS.url)
  .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL');

/** `HitlWidget.identify(…)`: at least one field; every call replaces the previous identity. */
export const visitorIdentitySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(VISITOR_LIMITS.name).optional(),
    email: z.string().trim().toLowerCase().email().max(VISITOR_LIMITS.email).optional(),
    externalId: z.string().trim().min(1).max(VISITOR_LIMITS.externalId).optional(),
  })
  .refine((identity) => Object.values(identity).some((value) => value !== undefined), {
    message: 'give a name, an email or an externalId',
  });
export type VisitorIdentityInput = z.input<typeof visitorIdentitySchema>;

/** The page the visitor is on, sent at every connect and after every navigation. */
export const visitorPageSchema = z.strictObject({
  url: httpUrl,
  title: z.string().max(VISITOR_LIMITS.title),
  /** `document.referrer`: empty when there is none. */
  referrer: z.union([z.literal(''), httpUrl]),
  language: z.string().max(VISITOR_LIMITS.language),
  /** The IANA time zone (`Europe/Paris`); empty when the browser does not say. */
  timeZone: z.string().max(VISITOR_LIMITS.timeZone),
  /** Minutes to add to UTC for the visitor's local time (UTC+2 → 120). */
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-14 * 60)
    .max(14 * 60),
});
export type VisitorPageInput = z.input<typeof visitorPageSchema>;

export interface VisitorIdentity {
  name: string | null;
  email: string | null;
  externalId: string | null;
  /** When the page last called identify. */
  at: string;
}

export interface VisitorPage {
  url: string;
  title: string;
  referrer: string | null;
  language: string;
  timeZone: string | null;
  utcOffsetMinutes: number;
  /** The browser's User-Agent header (capped); the console shows it as a short label. */
  userAgent: string | null;
  /** When the visitor arrived on this page. */
  at: string;
}

/** Everything known about one visitor of one site; null parts were never sent. */
export interface VisitorProfile {
  siteKey: string;
  visitorId: string;
  identity: VisitorIdentity | null;
  page: VisitorPage | null;
  updatedAt: string;
}

/** Where a page of a visitor's other conversations ends: the last one's `updatedAt` and id. */
export const visitorConversationsSchema = z.strictObject({
  conversationId: idSchema,
  limit: z.number().int().min(1).max(50).default(10),
  before: z.strictObject({ updatedAt: z.iso.datetime(), id: idSchema }).optional(),
});
export type VisitorConversationsInput = z.input<typeof visitorConversationsSchema>;

/** Typing, both ways: `typing: false` ends it at once, otherwise it expires without a refresh. */
export const typingUpdateSchema = z.strictObject({ conversationId: idSchema, typing: z.boolean() });
export type TypingUpdate = z.infer<typeof typingUpdateSchema>;

export interface AgentTyping {
  conversationId: string;
  agent: z.infer<typeof authorSchema>;
  typing: boolean;
}
