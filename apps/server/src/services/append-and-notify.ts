import type { Author, BotMeta, Conversation, Message, SystemNoticeKind } from '@hitl/shared/models';
import { createId } from '../lib/ids';
import type { ServiceContext } from './service-context';
import { nowIso } from './service-context';
import { noticeText } from './system-notices';

interface AppendInput {
  role: Message['role'];
  text: string;
  visibility?: Message['visibility'];
  clientId?: string | null;
  author?: Author | null;
  bot?: BotMeta | null;
  notice?: SystemNoticeKind | null;
}

/** Stores a message and tells everyone who may see it. Returns the stored message and the updated conversation. */
export async function appendAndNotify(
  ctx: ServiceContext,
  conversationId: string,
  input: AppendInput,
): Promise<{ message: Message; conversation: Conversation; created: boolean }> {
  const { message, created } = await ctx.store.appendMessage({
    id: createId('msg'),
    conversationId,
    clientId: input.clientId ?? null,
    role: input.role,
    visibility: input.visibility ?? 'public',
    text: input.text,
    author: input.author ?? null,
    bot: input.bot ?? null,
    notice: input.notice ?? null,
    createdAt: nowIso(ctx),
  });
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation) throw new Error(`conversation ${conversationId} vanished`);
  if (created) ctx.notifier.messageCreated(conversation, message);
  return { message, conversation, created };
}

export function appendNotice(
  ctx: ServiceContext,
  conversationId: string,
  kind: SystemNoticeKind,
  agentName?: string,
) {
  return appendAndNotify(ctx, conversationId, {
    role: 'system',
    text: noticeText(kind, agentName),
    notice: kind,
  });
}
