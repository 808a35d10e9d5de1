import type { Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import {
  composeReplyEmail,
  emailMessageId,
  escapeHtml,
  replySubject,
  threadHeadersAfter,
  transcriptExcerpt,
} from './compose-reply-email';

function message(overrides: Partial<Message>): Message {
  return {
    id: 'msg_1',
    conversationId: 'cnv_1',
    seq: 1,
    clientId: null,
    role: 'customer',
    visibility: 'public',
    text: 'Where is my order?',
    author: null,
    bot: null,
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('composeReplyEmail', () => {
  const content = {
    siteName: 'Harbor & Pine',
    agentName: 'Sam',
    text: 'Your parcel left today.\nTracking: <b>HP123</b>\n\nAnything else?',
    excerpt: [
      { who: 'You', text: 'Where is my "order"?\nIt has been a week' },
      { who: 'Harbor & Pine assistant', text: 'A person will reply.' },
    ],
  };

  it('writes the reply, the signature and the conversation quoted below it as plain text', () => {
    expect(composeReplyEmail(content).text).toBe(
      [
        'Your parcel left today.',
        'Tracking: <b>HP123</b>',
        '',
        'Anything else?',
        '',
        '— Sam, Harbor & Pine',
        '',
        'Your conversation with Harbor & Pine:',
        '> You: Where is my "order"?',
        '> It has been a week',
        '> Harbor & Pine assistant: A person will reply.',
      ].join('\n'),
    );
  });

  it('escapes every piece of text in the HTML part', () => {
    const { html } = composeReplyEmail(content);
    expect(html).toContain('<p>Your parcel left today.<br>Tracking: &lt;b&gt;HP123&lt;/b&gt;</p>');
    expect(html).toContain('<p>Anything else?</p>');
    expect(html).toContain('— Sam, Harbor &amp; Pine');
    expect(html).toContain('<strong>You:</strong> Where is my &quot;order&quot;?<br>It has been a week');
    expect(html).not.toContain('<b>');
  });

  it('leaves the quote out when there is nothing to quote', () => {
    const { text, html } = composeReplyEmail({ ...content, excerpt: [] });
    expect(text).not.toContain('Your conversation with');
    expect(html).not.toContain('blockquote');
  });
});

describe('transcriptExcerpt', () => {
  it('quotes the last public turns, labelled as the customer reads them, without system lines', () => {
    const messages = [
      message({ seq: 1, text: 'first' }),
      message({ seq: 2, role: 'bot', text: 'bot answer' }),
      message({ seq: 3, role: 'system', text: 'No agent is online' }),
      message({ seq: 4, role: 'bot', visibility: 'internal', text: 'withheld' }),
      message({ seq: 5, role: 'agent', author: { id: 'a', name: 'Sam' }, text: 'agent answer' }),
    ];
    expect(transcriptExcerpt(messages, 'Shop')).toEqual([
      { who: 'You', text: 'first' },
      { who: 'Shop assistant', text: 'bot answer' },
      { who: 'Sam', text: 'agent answer' },
    ]);
  });

  it('keeps the last six turns and cuts long ones', () => {
    const messages = Array.from({ length: 9 }, (_, i) => message({ seq: i + 1, text: `turn ${i + 1}` }));
    messages.push(message({ seq: 10, text: 'x'.repeat(800) }));
    const excerpt = transcriptExcerpt(messages, 'Shop');
    expect(excerpt.map((t) => t.text.slice(0, 7))).toEqual([
      'turn 5',
      'turn 6',
      'turn 7',
      'turn 8',
      'turn 9',
      'xxxxxxx',
    ]);
    expect(excerpt.at(-1)?.text).toHaveLength(500);
    expect(excerpt.at(-1)?.text.endsWith('…')).toBe(true);
  });
});

describe('threading', () => {
  it('the first reply starts a thread; each later one answers the previous and references them all', () => {
    expect(threadHeadersAfter([])).toEqual({ inReplyTo: null, references: [] });
    expect(threadHeadersAfter([{ messageId: '<a@x>' }, { messageId: '<b@x>' }])).toEqual({
      inReplyTo: '<b@x>',
      references: ['<a@x>', '<b@x>'],
    });
  });

  it('names the shop in the subject, marking later replies as replies', () => {
    expect(replySubject('Harbor & Pine', false)).toBe('Your conversation with Harbor & Pine');
    expect(replySubject('Harbor & Pine', true)).toBe('Re: Your conversation with Harbor & Pine');
  });

  it('makes the Message-ID from the message id on the sender domain', () => {
    expect(emailMessageId('msg_abc', 'support@shop.example')).toBe('<msg_abc@shop.example>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
