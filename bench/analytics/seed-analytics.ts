import { seededRandom } from '../../apps/server/src/lib/seeded-random';
import { openDatabase } from '../../apps/server/src/store/sqlite-database';

const DAY_MS = 86_400_000;
const SITES = ['demo', 'kiosk', 'outlet'];
const TOPICS = ['shipping', 'returns', 'refunds', 'orders', 'payments', 'account', 'products', 'warranty'];
const SIGNALS = [
  'low_confidence',
  'customer_request',
  'negative_sentiment',
  'topic_rule',
  'repeated_fallback',
];
const REASONS = ['wrong_fact', 'incomplete', 'tone', 'policy', 'should_escalate', 'other'];
const AGENTS = Array.from({ length: 12 }, (_, i) => ({ id: `agent_${i}`, name: `Agent ${i}` }));
const QUESTIONS = [
  'Where is my order?',
  'I want to talk to a person',
  'My refund has not arrived',
  'The jacket arrived damaged',
  'Can I change my delivery address?',
  'Why was my card charged twice?',
];
/** Messages per conversation: customer and bot turns, and an agent's when a person took over. */
const PER_CONVERSATION = 10;

export interface SeedSummary {
  conversations: number;
  messages: number;
  events: number;
  corrections: number;
  reviewItems: number;
  from: number;
  to: number;
}

/**
 * Fills a fresh SQLite store with `messages` messages (10 per conversation) spread over the `days` days up
 * to `end`, in one transaction with prepared statements and without waiting for the disk (a benchmark's
 * data can be regenerated): 30 % of conversations escalate, are claimed and closed (timeline events with
 * their facts), 5 % of bot replies are drafts, one correction and one review-later item per 50 messages,
 * a rating for a third of the closed conversations. The full-text index is not filled (the analytics do
 * not read it; filling it would only slow the seeding).
 */
export function seedAnalytics(file: string, messages: number, days: number, end: number): SeedSummary {
  const db = openDatabase(file);
  const random = seededRandom(20_260_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const from = end - days * DAY_MS;
  const conversations = Math.ceil(messages / PER_CONVERSATION);
  const summary: SeedSummary = {
    conversations,
    messages: 0,
    events: 0,
    corrections: 0,
    reviewItems: 0,
    from,
    to: end,
  };
  try {
    db.pragma('synchronous = OFF');
    // Messages written here skip the full-text index (the store's append writes it; no query here reads it).
    const conversation = db.prepare(
      `INSERT INTO conversations (id, site_key, visitor_id, state, assignee_id, assignee_name, last_customer_text,
         created_at, updated_at, satisfaction_rating, satisfaction_at)
       VALUES (@id, @site, @visitor, @state, @assigneeId, @assigneeName, @question, @createdAt, @createdAt, @rating,
         @ratedAt)`,
    );
    const message = db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, role, visibility, text, author, bot, draft, created_at)
       VALUES (@id, @conversationId, @seq, @role, @visibility, @text, @author, @bot, @draft, @createdAt)`,
    );
    const event = db.prepare(
      `INSERT INTO conversation_events (id, conversation_id, at, event, kind, site_key, conversation_created_at,
         actor_id, new_owner_id, ended_owner_id, handle_ms, wait_ms, topic, question, signals)
       VALUES (@id, @conversationId, @at, '{}', @kind, @site, @createdAt, @actorId, @newOwnerId, @endedOwnerId,
         @handleMs, @waitMs, @topic, @question, @signals)`,
    );
    const correction = db.prepare(
      `INSERT INTO corrections (id, conversation_id, message_id, context, original, corrected_text, topic, kind,
         reasons, agent_id, agent_name, edit_distance, time_spent_ms, created_at, review_status, reviewer,
         reviewed_at, review_edited)
       VALUES (@id, @conversationId, @messageId, '[]', @original, 'The right answer.', @topic, 'rewritten_reply',
         @reasons, @agentId, @agentName, 12, @timeSpentMs, @createdAt, @status, @reviewer, @reviewedAt, @edited)`,
    );
    const reviewItem = db.prepare(
      `INSERT INTO review_items (id, conversation_id, message_id, question, answer, confidence, topic, reasons,
         created_at, status, reviewer_id, reviewer_name, reviewed_at)
       VALUES (@id, @conversationId, @messageId, @question, 'An answer.', @confidence, @topic, '[]', @createdAt,
         @status, @reviewerId, @reviewerName, @reviewedAt)`,
    );
    const iso = (ms: number) => new Date(ms).toISOString();

    db.transaction(() => {
      for (let c = 0; c < conversations; c++) {
        const id = `c${c}`;
        const start = from + Math.floor(((c + random()) / conversations) * days * DAY_MS);
        const site = pick(SITES);
        const topic = pick(TOPICS);
        const question = pick(QUESTIONS);
        const escalated = random() < 0.3;
        const owner = escalated ? pick(AGENTS) : null;
        const closed = random() < 0.9;
        const rated = closed && random() < 0.33;
        conversation.run({
          id,
          site,
          visitor: `v${c}`,
          state: closed ? 'closed' : escalated ? 'agent' : 'bot',
          assigneeId: owner?.id ?? null,
          assigneeName: owner?.name ?? null,
          question,
          createdAt: iso(start),
          rating: rated ? 1 + Math.floor(random() * 5) : null,
          ratedAt: rated ? iso(start + 3_600_000) : null,
        });
        for (let seq = 1; seq <= PER_CONVERSATION && summary.messages < messages; seq++) {
          const at = start + seq * 20_000;
          const agentTurn = escalated && seq > PER_CONVERSATION - 2;
          const role = agentTurn ? 'agent' : seq % 2 === 1 ? 'customer' : 'bot';
          const draft = role === 'bot' && random() < 0.05;
          const confidence = Math.round(random() * 1000) / 1000;
          const messageId = `m${summary.messages}`;
          message.run({
            id: messageId,
            conversationId: id,
            seq,
            role,
            visibility: draft ? 'internal' : 'public',
            text: role === 'customer' ? question : 'A reply.',
            author: role === 'agent' ? JSON.stringify(owner) : null,
            bot:
              role === 'bot'
                ? JSON.stringify({
                    confidence,
                    responder: 'offline',
                    modelId: 'kb',
                    sources: [],
                    alternatives: [],
                    topic,
                  })
                : null,
            draft: draft
              ? JSON.stringify({
                  status: pick(['approved', 'approved', 'edited', 'rejected', 'pending']),
                  reasons: [],
                  reviewer: pick(AGENTS),
                  reviewedAt: iso(at + 60_000),
                  publishedMessageId: null,
                })
              : null,
            createdAt: iso(at),
          });
          summary.messages += 1;
          if (role === 'bot' && summary.messages % 50 === 0) {
            const reviewer = pick(AGENTS);
            const status = pick(['approved', 'approved', 'rejected', 'pending']);
            correction.run({
              id: `k${summary.corrections++}`,
              conversationId: id,
              messageId,
              original: JSON.stringify({ text: 'A reply.', confidence, responder: 'offline', modelId: 'kb' }),
              topic,
              reasons: JSON.stringify([pick(REASONS)]),
              agentId: owner?.id ?? pick(AGENTS).id,
              agentName: 'Agent',
              timeSpentMs: Math.floor(random() * 120_000),
              createdAt: iso(at + 120_000),
              status,
              reviewer: status === 'pending' ? null : JSON.stringify(reviewer),
              reviewedAt: status === 'pending' ? null : iso(at + 240_000),
              edited: random() < 0.2 ? 1 : 0,
            });
          }
          if (role === 'bot' && summary.messages % 50 === 2) {
            const reviewer = pick(AGENTS);
            const right = random() < confidence;
            reviewItem.run({
              id: `r${summary.reviewItems++}`,
              conversationId: id,
              messageId,
              question,
              confidence,
              topic,
              createdAt: iso(at),
              status: right ? 'right' : 'pending',
              reviewerId: right ? reviewer.id : null,
              reviewerName: right ? reviewer.name : null,
              reviewedAt: right ? iso(at + 300_000) : null,
            });
          }
        }
        if (!escalated || owner === null) continue;
        const escalatedAt = start + 90_000;
        const wait = 10_000 + Math.floor(random() * 600_000);
        const handle = 60_000 + Math.floor(random() * 1_800_000);
        const base = {
          conversationId: id,
          site,
          createdAt: iso(start),
          endedOwnerId: null,
          handleMs: null,
          waitMs: null,
        };
        event.run({
          ...base,
          id: `e${summary.events++}`,
          at: iso(escalatedAt),
          kind: 'escalated',
          actorId: null,
          newOwnerId: null,
          topic,
          question,
          signals: JSON.stringify([pick(SIGNALS)]),
        });
        event.run({
          ...base,
          id: `e${summary.events++}`,
          at: iso(escalatedAt + wait),
          kind: 'claimed',
          actorId: owner.id,
          newOwnerId: owner.id,
          waitMs: wait,
          topic: null,
          question: null,
          signals: '[]',
        });
        if (closed)
          event.run({
            ...base,
            id: `e${summary.events++}`,
            at: iso(escalatedAt + wait + handle),
            kind: 'closed',
            actorId: owner.id,
            newOwnerId: null,
            endedOwnerId: owner.id,
            handleMs: handle,
            topic: null,
            question: null,
            signals: '[]',
          });
      }
    }).immediate();
    db.exec('ANALYZE');
    return summary;
  } finally {
    db.close();
  }
}
