import type { Conversation } from '@hitl/shared/models';
import {
  VISITOR_LIMITS,
  type VisitorProfile,
  type visitorIdentitySchema,
  type visitorPageSchema,
} from '@hitl/shared/visitor-context';
import type { z } from 'zod';
import { DomainError } from './domain-error';
import { nowIso, type ServiceContext } from './service-context';
import type { Visitor } from './visitor';

/**
 * `identify({ name, email, externalId })` from the host page: stored as the site's claim about the visitor
 * (the console labels it so; it grants nothing), replacing the previous one.
 */
export async function identifyVisitor(
  ctx: ServiceContext,
  visitor: Visitor,
  input: z.infer<typeof visitorIdentitySchema>,
): Promise<void> {
  const at = nowIso(ctx);
  const profile = await ctx.store.updateVisitorProfile(visitor.siteKey, visitor.visitorId, {
    identity: {
      name: input.name ?? null,
      email: input.email ?? null,
      externalId: input.externalId ?? null,
      at,
    },
    updatedAt: at,
  });
  await announce(ctx, profile);
}

/** The page the visitor is on (at connect and after each navigation), with the browser that sent it. */
export async function recordVisitorPage(
  ctx: ServiceContext,
  visitor: Visitor,
  input: z.infer<typeof visitorPageSchema>,
  userAgent: string | undefined,
): Promise<void> {
  const at = nowIso(ctx);
  const profile = await ctx.store.updateVisitorProfile(visitor.siteKey, visitor.visitorId, {
    page: {
      url: input.url,
      title: input.title,
      referrer: input.referrer || null,
      language: input.language,
      timeZone: input.timeZone || null,
      utcOffsetMinutes: input.utcOffsetMinutes,
      userAgent: userAgent ? userAgent.slice(0, VISITOR_LIMITS.userAgent) : null,
      at,
    },
    updatedAt: at,
  });
  await announce(ctx, profile);
}

/** Agents watching the visitor's open conversation see the change live; the rest read it when they open one. */
async function announce(ctx: ServiceContext, profile: VisitorProfile): Promise<void> {
  const open = await ctx.store.findOpenConversation(profile.siteKey, profile.visitorId);
  if (open) ctx.notifier.visitorProfileChanged(open, profile);
}

export async function readVisitorProfile(
  ctx: ServiceContext,
  conversationId: string,
): Promise<{ profile: VisitorProfile | null }> {
  const conversation = await conversationOrThrow(ctx, conversationId);
  return { profile: await ctx.store.getVisitorProfile(conversation.siteKey, conversation.visitorId) };
}

/** The same visitor's other conversations, one page, most recently updated first. */
export async function listOtherConversations(
  ctx: ServiceContext,
  input: { conversationId: string; limit: number; before?: { updatedAt: string; id: string } | undefined },
): Promise<{ conversations: Conversation[]; next: { updatedAt: string; id: string } | null }> {
  const conversation = await conversationOrThrow(ctx, input.conversationId);
  // One more than asked, to know whether another page follows.
  const found = await ctx.store.listVisitorConversations({
    siteKey: conversation.siteKey,
    visitorId: conversation.visitorId,
    excludeId: conversation.id,
    limit: input.limit + 1,
    ...(input.before ? { before: input.before } : {}),
  });
  const conversations = found.slice(0, input.limit);
  const last = conversations[conversations.length - 1];
  const next = found.length > input.limit && last ? { updatedAt: last.updatedAt, id: last.id } : null;
  return { conversations, next };
}

async function conversationOrThrow(ctx: ServiceContext, id: string): Promise<Conversation> {
  const conversation = await ctx.store.getConversation(id);
  if (!conversation) throw new DomainError('not_found', 'No such conversation.');
  return conversation;
}
