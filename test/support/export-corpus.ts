import type { Author, ContextTurn, CorrectionKind, CorrectionReason } from '@hitl/shared/models';
import { assignSplit } from '../../apps/server/src/domain/dataset-split';
import type { Store } from '../../apps/server/src/store/store';
import {
  at,
  botReplyFixture,
  conversationFixture,
  correctionFixture,
  reviewerAuthor,
} from '../store-contract/store-fixtures';

/** One correction to store for the export tests, with what the export should make of it. */
export interface PairSpec {
  conversationId: string;
  context: ContextTurn[];
  original: string;
  corrected: string;
  /** The corrected text once personal data is redacted, when it holds some. */
  redactedCorrected?: string;
  topic: string | null;
  kind?: CorrectionKind;
  reasons?: CorrectionReason[];
  agent?: Author;
  pending?: boolean;
}

const ask = (...turns: string[]): ContextTurn[] =>
  turns.map((text, i) => ({ role: i % 2 === 0 ? 'customer' : 'bot', text }));
const few: Author = { id: 'agent_few', name: 'Fay' };

const answers = {
  tracking:
    'Sorry for the wait. Your parcel left our warehouse on Monday and is with the carrier; deliveries take ' +
    'three to five business days, so it should reach you by Friday. If it has not arrived by then, reply ' +
    'here and we will send a replacement at no cost to you.',
  returns:
    'You can return the tent within sixty days, even after a night outdoors, as long as it is clean and ' +
    'dry. Start the return from your account page; the label is free and the refund reaches your card ' +
    'within five business days of our receiving it.',
  warranty:
    'A broken zip within the first two years is covered by our warranty. Send us two photos of the ' +
    'jacket and your order number; we will repair it within ten days or replace it if a repair is not ' +
    'possible, and we pay the shipping both ways.',
};

/**
 * Eighteen approved corrections and one pending, in eight conversations (the first two of
 * `conversations` go to validation at 0.2): thirteen distinct pairs, two duplicates (case and
 * punctuation aside), two near-duplicates (one word added to a long reply), one human answer with
 * no bot reply (not a valid preference pair), personal data in questions, context and replies, and
 * three corrections by agent `agent_few`.
 */
export function exportCorpus(conversations: string[]): PairSpec[] {
  const [v1 = '', v2 = '', t1 = '', t2 = '', t3 = '', t4 = '', t5 = '', t6 = ''] = conversations;
  return [
    {
      conversationId: v1,
      context: ask('where is my order? my email is jane.doe@example.com'),
      original: 'Orders ship within two days.',
      corrected: answers.tracking,
      topic: 'shipping',
    },
    {
      conversationId: v1,
      context: ask(
        'where is my order?',
        'Orders ship within two days.',
        'can I return the tent I used once?',
      ),
      original: 'You can return unused items within 30 days.',
      corrected: answers.returns,
      topic: 'returns',
      reasons: ['wrong_fact', 'incomplete'],
    },
    {
      conversationId: v2,
      context: ask('the zip on my jacket broke, is that covered?'),
      original: 'Please contact us.',
      corrected: answers.warranty,
      topic: 'warranty',
      reasons: ['incomplete'],
    },
    {
      conversationId: v2,
      context: ask('I was charged twice on card 4111 1111 1111 1111'),
      original: 'Payments are secure.',
      corrected: 'The second charge is a pre-authorisation that your bank releases within three days.',
      topic: 'payment',
    },
    {
      conversationId: t1,
      context: ask('do you ship to Norway?'),
      original: 'We ship to Europe.',
      corrected: 'Yes, we ship to Norway; customs fees are included in the price shown at checkout.',
      topic: 'shipping',
      reasons: ['tone'],
    },
    {
      conversationId: t1,
      context: ask('can someone call me?'),
      original: 'No.',
      corrected: 'Of course: call our team on +44 20 7946 0958 from nine to five on weekdays.',
      redactedCorrected: 'Of course: call our team on [PHONE] from nine to five on weekdays.',
      topic: 'contact',
      reasons: ['should_escalate'],
    },
    {
      conversationId: t2,
      context: ask(
        'hi, I am bob@example.org',
        'Hello! How can I help?',
        'which size of boots should I take?',
      ),
      original: 'See the size guide.',
      corrected: 'Our boots run half a size small, so take half a size up from your usual size.',
      topic: 'sizing',
    },
    {
      conversationId: t2,
      context: ask('are the poles foldable?'),
      original: 'Yes.',
      corrected: 'The Canyon poles fold into three parts of 38 cm each and weigh 240 g a pair.',
      topic: 'products',
    },
    {
      conversationId: t3,
      context: ask('is the stove allowed on planes?'),
      original: 'Yes.',
      corrected: 'The stove may fly without its gas cartridge; airlines refuse cartridges in any bag.',
      topic: 'products',
      agent: few,
      reasons: ['policy'],
    },
    {
      conversationId: t3,
      context: ask('do you have gift cards?'),
      original: 'No.',
      corrected: 'We sell gift cards from 10 to 500 euros, sent by e-mail within minutes.',
      topic: 'gift-cards',
      agent: few,
    },
    {
      conversationId: t3,
      context: ask('when does the shop open on Sunday?'),
      original: 'We are open every day.',
      corrected: 'Our shops are closed on Sundays; the online shop takes orders at any hour.',
      topic: 'store-hours',
      agent: few,
    },
    {
      conversationId: t4,
      context: ask('can I change the delivery address?'),
      original: 'No.',
      corrected: 'You can change the address until the parcel leaves; reply with the new one.',
      topic: 'shipping',
    },
    {
      conversationId: t4,
      context: ask('what is your favourite colour?'),
      original: 'Blue.',
      corrected: 'I am here to help with orders and products; is there anything about your order?',
      topic: null,
      reasons: ['other'],
    },
    {
      conversationId: t5,
      context: ask('WHERE IS MY ORDER? MY EMAIL IS JANE.DOE@EXAMPLE.COM'),
      original: 'Orders ship within two days.',
      corrected: `${answers.tracking.replace(/;/g, ',')}!`,
      topic: 'shipping',
    },
    {
      conversationId: t5,
      context: ask('can I return the tent I used once?'),
      original: 'You can return unused items within 30 days.',
      corrected: `${answers.returns} Thanks!`,
      topic: 'returns',
    },
    {
      conversationId: t6,
      context: ask('do you ship to Norway?'),
      original: 'We ship to Europe.',
      corrected: 'Yes, we ship to Norway; customs fees are included in the price shown at checkout.',
      topic: 'shipping',
    },
    {
      conversationId: t6,
      context: ask('the zip on my jacket broke, is that covered?'),
      original: 'Please contact us.',
      corrected: `${answers.warranty} Cheers`,
      topic: 'warranty',
    },
    {
      conversationId: t6,
      context: ask('my tent pole snapped in the wind, what now?'),
      original: '',
      corrected: 'A snapped pole is covered: we send a new pole section free of charge within three days.',
      topic: 'warranty',
      kind: 'human_answer',
    },
    {
      conversationId: t6,
      context: ask('is this pending?'),
      original: 'Maybe.',
      corrected: 'This correction waits for review and is not exported by default.',
      topic: 'other',
      pending: true,
    },
  ];
}

/** Two conversations the split sends to validation at `fraction`, then six it sends to train. */
export function conversationIdsForSplit(fraction: number): string[] {
  const validation: string[] = [];
  const train: string[] = [];
  for (let n = 0; validation.length < 2 || train.length < 6; n++) {
    const id = `cnv_export_${n}`;
    if (assignSplit(id, fraction) === 'validation') {
      if (validation.length < 2) validation.push(id);
    } else if (train.length < 6) train.push(id);
  }
  return [...validation, ...train];
}

/**
 * Stores the corpus through the store (conversations, bot replies, corrections, reviews), oldest
 * first. Returns the conversation of each approved corrected reply as exported (redacted); a later
 * copy of a reply is left out as a duplicate, so the first conversation keeps it.
 */
export async function seedExportCorpus(store: Store, pairs: PairSpec[]): Promise<Map<string, string>> {
  const conversationOf = new Map<string, string>();
  const created = new Set<string>();
  for (const [i, pair] of pairs.entries()) {
    if (!created.has(pair.conversationId)) {
      await store.createConversation(conversationFixture({ id: pair.conversationId, createdAt: at(i * 10) }));
      created.add(pair.conversationId);
    }
    const { message } = await store.appendMessage(
      botReplyFixture(pair.conversationId, {
        text: pair.original || 'Sorry, I do not know.',
        createdAt: at(i * 10 + 1),
      }),
    );
    const correction = await store.createCorrection(
      correctionFixture(pair.conversationId, message.id, {
        context: pair.context,
        original: { text: pair.original, confidence: 0.4, responder: 'offline', modelId: 'kb-1' },
        correctedText: pair.corrected,
        kind: pair.kind ?? 'rewritten_reply',
        agent: pair.agent ?? { id: 'agent_ana', name: 'Ana' },
        topic: pair.topic,
        reasons: pair.reasons ?? ['wrong_fact'],
        createdAt: at(i * 10 + 2),
      }),
    );
    if (pair.pending) continue;
    await store.reviewCorrection(correction.id, {
      status: 'approved',
      reviewer: reviewerAuthor,
      at: at(i * 10 + 3),
      note: null,
      edited: false,
    });
    const corrected = pair.redactedCorrected ?? pair.corrected;
    if (!conversationOf.has(corrected)) conversationOf.set(corrected, pair.conversationId);
  }
  return conversationOf;
}
