import type { ContextTurn, CorrectionKind, CorrectionReason } from '@hitl/shared/models';
import { correctionKinds, correctionReasons } from '@hitl/shared/models';
import { seededRandom } from '../../apps/server/src/lib/seeded-random';
import type { NewCorrection } from '../../apps/server/src/store/store';
import {
  asides,
  botGreeting,
  cities,
  closers,
  greetings,
  names,
  openers,
  products,
  type TopicCorpus,
  topics,
} from './corpus';

/** One generated correction with the conversation (when it is the first of it) and bot reply it belongs to. */
export interface GeneratedRow {
  conversation: { id: string; createdAt: string } | null;
  reply: { id: string; conversationId: string; seq: number; text: string; topic: string; createdAt: string };
  correction: NewCorrection & { reviewedAt: string; reviewer: { id: string; name: string } };
}

/** Shares of rows that repeat an earlier one exactly (up to case and punctuation) or nearly. */
const EXACT_REPEATS = 0.03;
const NEAR_REPEATS = 0.02;
const START = Date.UTC(2025, 0, 1);
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const cards = ['4111 1111 1111 1111', '5500 0000 0000 0004', '4242-4242-4242-4242'];

/**
 * Deterministic corrections, oldest first: conversations of one to three corrections, questions with
 * order numbers, places and a word about the customer's situation, some personal data, bot replies
 * from a few knowledge-base answers, agent corrections from templates (as agents' macros are), and
 * a few exact and near repeats of recent pairs.
 */
export function* generateCorrections(count: number, seed = 1): Generator<GeneratedRow> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const recent: { question: string; answer: string }[] = [];
  let conversation = 0;
  let left = 0;
  let context: ContextTurn[] = [];
  let seq = 0;
  for (let i = 0; i < count; i++) {
    const at = (offsetMs: number) => new Date(START + i * 1000 + offsetMs).toISOString();
    let opened: GeneratedRow['conversation'] = null;
    if (left === 0) {
      conversation++;
      left = 1 + Math.floor(random() * 3);
      context = random() < 0.5 ? [] : [{ role: 'customer', text: pick(greetings) }];
      context.push({ role: 'bot', text: botGreeting });
      opened = { id: pad('cnv', conversation), createdAt: at(0) };
      seq = context.length;
    }
    seq += 2;
    left--;
    const corpus = pick(topics);
    const slots = fillSlots(random, pick);
    const aside = random() < 0.7 ? ` ${fill(pick(asides), slots)}` : '';
    const more = random() < 0.3 ? ` ${fill(pick(asides), slots)}` : '';
    let question =
      `${pick(openers)} ${fill(pick(corpus.questions), slots)}${aside}${more} ${pick(closers)}`.trim();
    let answer = fill(pick(corpus.corrections), slots);
    const roll = random();
    const earlier = recent.length > 0 ? pick(recent) : null;
    if (earlier && roll < EXACT_REPEATS) {
      question = random() < 0.5 ? earlier.question.toUpperCase() : `${earlier.question}!!`;
      answer = earlier.answer;
    } else if (earlier && roll < EXACT_REPEATS + NEAR_REPEATS) {
      question = earlier.question;
      answer = `${earlier.answer} ${random() < 0.5 ? 'Thanks!' : 'Hope this helps.'}`;
    } else {
      question = withPersonalData(question, random, slots.name);
    }
    recent.push({ question, answer });
    if (recent.length > 512) recent.shift();
    const turns: ContextTurn[] = [...context, { role: 'customer', text: question }];
    const id = pad('cor', i + 1);
    const reply = botReply(corpus, pick, {
      id: pad('msg', i + 1),
      conversationId: pad('cnv', conversation),
      seq,
      createdAt: at(100),
    });
    yield {
      conversation: opened,
      reply,
      correction: {
        id,
        conversationId: reply.conversationId,
        messageId: reply.id,
        context: turns,
        original: {
          text: reply.text,
          confidence: round(0.3 + random() * 0.5),
          responder: 'offline',
          modelId: 'kb-v3',
        },
        correctedText: answer,
        topic: corpus.topic,
        kind: pick<CorrectionKind>(correctionKinds),
        reasons: pickReasons(random, pick),
        note: null,
        agent: { id: `agt_${1 + Math.floor(random() * 20)}`, name: pick(names) },
        editDistance: 20 + Math.floor(random() * 200),
        timeSpentMs: 5_000 + Math.floor(random() * 120_000),
        createdAt: at(500),
        reviewedAt: at(900),
        reviewer: { id: 'agt_reviewer', name: 'Rita Reviewer' },
      },
    };
    context = [...turns, { role: 'agent' as const, text: answer }].slice(-6);
  }
}

function botReply(
  corpus: TopicCorpus,
  pick: <T>(items: readonly T[]) => T,
  where: { id: string; conversationId: string; seq: number; createdAt: string },
): GeneratedRow['reply'] {
  return { ...where, text: pick(corpus.botAnswers), topic: corpus.topic };
}

type Slots = Record<'city' | 'product' | 'order' | 'days' | 'weekday' | 'name', string>;

function fillSlots(random: () => number, pick: <T>(items: readonly T[]) => T): Slots {
  return {
    city: pick(cities),
    product: pick(products),
    order: String(1_000_000 + Math.floor(random() * 9_000_000)),
    days: String(2 + Math.floor(random() * 12)),
    weekday: pick(weekdays),
    name: pick(names),
  };
}

function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key as keyof Slots] ?? key);
}

/** About 7% of questions carry an e-mail address, a card or a phone number. */
function withPersonalData(question: string, random: () => number, name: string): string {
  const roll = random();
  const n = Math.floor(random() * 1000);
  if (roll < 0.04) return `${question} my email is ${name.toLowerCase()}.${n}@example.com`;
  if (roll < 0.05) return `${question} the card was ${cards[n % cards.length]}`;
  if (roll < 0.07) return `${question} you can call me on +44 20 7946 0${String(n).padStart(3, '0')}`;
  return question;
}

function pickReasons(random: () => number, pick: <T>(items: readonly T[]) => T): CorrectionReason[] {
  const first = pick(correctionReasons);
  const second = pick(correctionReasons);
  return random() < 0.3 && second !== first ? [first, second] : [first];
}

function pad(prefix: string, n: number): string {
  return `${prefix}_${String(n).padStart(8, '0')}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
