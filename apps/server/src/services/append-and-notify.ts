import type {
  Author,
  BotMeta,
  Conversation,
  DraftState,
  EmailDelivery,
  Message,
  SystemNoticeKind,
} from '@hitl/shared/models';
import { noticeText } from '@hitl/shared/system-notices';
import { createId } from '../lib/ids';
import type { AppendPrecondition, NewMessage } from '../store/store';
import type { ServiceContext } from './service-context';
import { nowIso } from './service-context';

export interface AppendInput {
  /** The new message's id, when the caller needs it before the message exists; a fresh one otherwise. */
  id?: string;
  role: Message['role'];
  text: string;
  visibility?: Message['visibility'];
  clientId?: string | null;
  author?: Author | null;
  bot?: BotMeta | null;
  notice?: SystemNoticeKind | null;
  /** The pending draft state of a bot reply held for review. */
  draft?: DraftState | null;
  /** The delivery of an agent's reply sent by e-mail. */
  email?: EmailDelivery;
  /** A customer message's sentiment score, for the live monitor. */
  sentiment?: number;
  /** The connection the message came in on (it has the message in its ack): not sent it again. */
  origin?: string;
}

/** Stores a message and tells everyone who may see it. Returns the stored message and the updated conversation. */
export async function appendAndNotify(
  ctx: ServiceContext,
  conversationId: string,
  input: AppendInput,
): Promise<{ message: Message; conversation: Conversation; created: boolean }> {
  const { message, created, conversation } = await ctx.store.appendMessage(
    toNewMessage(ctx, conversationId, input),
  );
  if (created) ctx.notifier.messageCreated(conversation, message, input.origin);
  return { message, conversation, created };
}

/**
 * Stores what the bot's turn produced only if the conversation is still as the turn saw it (the store
 * decides, atomically against claims on any node), then tells everyone. Null when it was refused.
 */
export async function appendBotAndNotify(
  ctx: ServiceContext,
  conversationId: string,
  input: AppendInput,
  expected: AppendPrecondition,
): Promise<{ message: Message; conversation: Conversation } | null> {
  const stored = await ctx.store.appendMessageIf(toNewMessage(ctx, conversationId, input), expected);
  if (!stored) return null;
  ctx.notifier.messageCreated(stored.conversation, stored.message);
  return stored;
}

function toNewMessage(ctx: ServiceContext, conversationId: string, input: AppendInput): NewMessage {
  return {
    id: input.id ?? createId('msg'),
    conversationId,
    clientId: input.clientId ?? null,
    role: input.role,
    visibility: input.visibility ?? 'public',
    text: input.text,
    author: input.author ?? null,
    bot: input.bot ?? null,
    notice: input.notice ?? null,
    draft: input.draft ?? null,
    ...(input.email ? { email: input.email } : {}),
    ...(input.sentiment === undefined ? {} : { sentiment: input.sentiment }),
    createdAt: nowIso(ctx),
  };
}

export function appendNotice(
  ctx: ServiceContext,
  conversationId: string,
  kind: SystemNoticeKind,
  agentName?: string,
  email?: string,
) {
  return appendAndNotify(ctx, conversationId, {
    role: 'system',
    text: noticeText(kind, agentName, email),
    notice: kind,
  });
}
