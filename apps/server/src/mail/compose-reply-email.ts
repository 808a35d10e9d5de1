import type { EmailDelivery, Message } from '@hitl/shared/models';

/** The turns quoted under a reply: the last few of the conversation before it. */
const EXCERPT_TURNS = 6;
/** A quoted turn longer than this is cut, so a pasted essay does not bury the reply. */
const EXCERPT_TURN_CHARS = 500;

export interface ExcerptTurn {
  who: string;
  text: string;
}

export interface ReplyEmailContent {
  siteName: string;
  agentName: string;
  text: string;
  excerpt: ExcerptTurn[];
}

/** The reply as plain text and as HTML (every piece of text escaped), with the excerpt quoted below it. */
export function composeReplyEmail(content: ReplyEmailContent): { text: string; html: string } {
  const signature = `${content.agentName}, ${content.siteName}`;
  const heading = `Your conversation with ${content.siteName}:`;
  const quoted = content.excerpt.flatMap((turn) =>
    `${turn.who}: ${turn.text}`.split('\n').map((line) => `> ${line}`),
  );
  const text = [content.text, '', `— ${signature}`, ...(quoted.length ? ['', heading, ...quoted] : [])].join(
    '\n',
  );
  const paragraphs = content.text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
  const turns = content.excerpt
    .map(
      (turn) =>
        `<p><strong>${escapeHtml(turn.who)}:</strong> ${escapeHtml(turn.text).replaceAll('\n', '<br>')}</p>`,
    )
    .join('\n');
  const html = [
    '<!doctype html>',
    '<html><body>',
    paragraphs,
    `<p>— ${escapeHtml(signature)}</p>`,
    ...(turns
      ? [
          `<p style="color:#555">${escapeHtml(heading)}</p>`,
          `<blockquote style="margin:0 0 0 .8em;padding-left:.8em;border-left:2px solid #ccc;color:#555">\n${turns}\n</blockquote>`,
        ]
      : []),
    '</body></html>',
  ].join('\n');
  return { text, html };
}

/** The conversation's public turns before the reply, labelled as the customer reads them, last few only. */
export function transcriptExcerpt(messages: readonly Message[], siteName: string): ExcerptTurn[] {
  return messages
    .filter((m) => m.visibility === 'public' && m.role !== 'system')
    .slice(-EXCERPT_TURNS)
    .map((m) => ({ who: speakerOf(m, siteName), text: shorten(m.text) }));
}

function speakerOf(message: Message, siteName: string): string {
  if (message.role === 'customer') return 'You';
  if (message.role === 'bot') return `${siteName} assistant`;
  return message.author?.name ?? siteName;
}

function shorten(text: string): string {
  return text.length <= EXCERPT_TURN_CHARS ? text : `${text.slice(0, EXCERPT_TURN_CHARS - 1)}…`;
}

/** Every reply of one conversation has the same subject; the later ones are marked as replies. */
export function replySubject(siteName: string, followUp: boolean): string {
  const subject = `Your conversation with ${siteName}`;
  return followUp ? `Re: ${subject}` : subject;
}

/**
 * In-Reply-To and References for the next reply, from the conversation's earlier e-mail replies that went
 * out (oldest first): the customer's mail program shows them as one thread.
 */
export function threadHeadersAfter(sent: readonly Pick<EmailDelivery, 'messageId'>[]): {
  inReplyTo: string | null;
  references: string[];
} {
  const references = sent.map((reply) => reply.messageId);
  return { inReplyTo: references.at(-1) ?? null, references };
}

/** `<msg_…@shop.example>`: unique because the message id is, and on the sender's domain. */
export function emailMessageId(messageId: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1) || 'localhost';
  return `<${messageId}@${domain}>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
