import type { Agent, Conversation, EmailDelivery, Message } from '@hitl/shared/models';
import { can, refusals } from '@hitl/shared/permissions';
import type { EmailReplyRequest } from '@hitl/shared/rest';
import { createId } from '../lib/ids';
import {
  composeReplyEmail,
  emailMessageId,
  replySubject,
  threadHeadersAfter,
  transcriptExcerpt,
} from '../mail/compose-reply-email';
import { type Mailer, MailSendError } from '../mail/mailer';
import { appendAndNotify } from './append-and-notify';
import { DomainError } from './domain-error';
import { authorOf, nowIso, type ServiceContext } from './service-context';

/**
 * An agent answers the e-mail a customer left. The reply is stored first, `pending`, with the Message-ID and
 * threading headers every attempt reuses; then it is sent; then marked `sent` (or `failed`, with the reason).
 * So a reply is never stored as sent before the mail server took it, and a retry (the same `clientId`) sends
 * a failed or unfinished one again but never one already marked sent. If the process dies between the mail
 * server's acceptance and the mark, the retry sends it again under the same Message-ID, which mail programs
 * show once.
 */
export async function replyByEmail(
  ctx: ServiceContext,
  agent: Agent,
  conversationId: string,
  input: EmailReplyRequest,
): Promise<Message> {
  if (!can(agent.role, 'conversation.email-reply'))
    throw new DomainError('forbidden', refusals['conversation.email-reply']);
  const { mailer } = ctx;
  if (!mailer)
    throw new DomainError('email_not_configured', 'E-mail replies are not set up on this server (SMTP_URL).');
  // One reply of a conversation at a time on this node, so a double-clicked retry cannot send twice.
  return ctx.conversationQueue.run(`email:${conversationId}`, async () => {
    const conversation = await ctx.store.getConversation(conversationId);
    if (!conversation) throw new DomainError('not_found', 'No such conversation.');
    const reply = await storePendingReply(ctx, agent, conversation, input);
    if (reply.email?.status === 'sent') return reply;
    return deliver(ctx, mailer, agent, conversation, reply);
  });
}

/** The reply as stored, new or (same client id) the one stored by an earlier attempt. */
async function storePendingReply(
  ctx: ServiceContext,
  agent: Agent,
  conversation: Conversation,
  input: EmailReplyRequest,
): Promise<Message & { email: EmailDelivery }> {
  if (conversation.state === 'agent' && conversation.assignee?.id !== agent.id)
    throw new DomainError(
      'not_owner',
      `${conversation.assignee?.name ?? 'Another agent'} owns this conversation.`,
    );
  const to = conversation.contactEmail;
  if (!to) throw new DomainError('invalid_state', 'The customer left no e-mail address to reply to.');
  const messages = await ctx.store.listMessages(conversation.id, { afterSeq: 0, includeInternal: false });
  const sentBefore = messages.flatMap((m) => (m.email?.status === 'sent' ? [m.email] : []));
  const id = createId('msg');
  const { message } = await appendAndNotify(ctx, conversation.id, {
    id,
    role: 'agent',
    text: input.text,
    clientId: input.clientId,
    author: authorOf(agent),
    email: {
      to,
      subject: replySubject(ctx.mail.siteName, sentBefore.length > 0),
      messageId: emailMessageId(id, ctx.mail.from.address),
      ...threadHeadersAfter(sentBefore),
      status: 'pending',
      attempts: 0,
      sentAt: null,
      error: null,
    },
  });
  if (!message.email)
    throw new DomainError('conflict', 'This client id belongs to another message; send the reply again.');
  return message as Message & { email: EmailDelivery };
}

async function deliver(
  ctx: ServiceContext,
  mailer: Mailer,
  agent: Agent,
  conversation: Conversation,
  reply: Message & { email: EmailDelivery },
): Promise<Message> {
  const before = await ctx.store.listMessages(conversation.id, { afterSeq: 0, includeInternal: false });
  const content = composeReplyEmail({
    siteName: ctx.mail.siteName,
    agentName: reply.author?.name ?? agent.name,
    text: reply.text,
    excerpt: transcriptExcerpt(
      before.filter((m) => m.seq < reply.seq),
      ctx.mail.siteName,
    ),
  });
  const { email } = reply;
  const attempts = email.attempts + 1;
  try {
    await mailer.send({ from: ctx.mail.from, ...email, ...content });
  } catch (err) {
    if (!(err instanceof MailSendError)) throw err;
    const failed = { ...email, status: 'failed' as const, attempts, error: err.message };
    await settle(ctx, agent, conversation, reply, failed, 'email.failed');
    throw new DomainError('email_failed', `The e-mail was not sent: ${err.message}. Try again.`);
  }
  const sent = { ...email, status: 'sent' as const, attempts, sentAt: nowIso(ctx), error: null };
  return settle(ctx, agent, conversation, reply, sent, 'email.sent');
}

/** Records the attempt's outcome on the reply, tells the consoles and writes it to the audit trail. */
async function settle(
  ctx: ServiceContext,
  agent: Agent,
  conversation: Conversation,
  reply: Message,
  delivery: EmailDelivery,
  action: 'email.sent' | 'email.failed',
): Promise<Message> {
  const updated = await ctx.store.updateEmailDelivery(reply.id, ['pending', 'failed'], delivery);
  const current = updated ?? (await ctx.store.getMessage(reply.id)) ?? reply;
  if (updated) ctx.notifier.messageUpdated(conversation, updated);
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action,
    target: conversation.id,
    data: {
      messageId: reply.id,
      emailMessageId: delivery.messageId,
      attempt: delivery.attempts,
      ...(delivery.error ? { error: delivery.error } : {}),
    },
    at: nowIso(ctx),
  });
  return current;
}
