import type { Author, BotMeta, DraftState, EmailDelivery } from '@hitl/shared/models';
import type { CorrectionFilter } from '@hitl/shared/rest';
import type {
  AgentSession,
  NewAgent,
  NewAuditEvent,
  NewConversation,
  NewCorrection,
  NewMessage,
} from '../../apps/server/src/store/store';

/** Typed builders for store records: valid by default, each field overridable. */

let counter = 0;

/** A fresh id, unique within the test run and valid for every id schema. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter.toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
}

const BASE_TIME = Date.UTC(2025, 0, 15, 9, 0, 0);

/** A timestamp `seconds` after a fixed base, so tests control ordering without a clock. */
export function at(seconds: number): string {
  return new Date(BASE_TIME + seconds * 1000).toISOString();
}

export const agentAuthor: Author = { id: 'agent_ana', name: 'Ana' };
export const reviewerAuthor: Author = { id: 'agent_rui', name: 'Rui' };

export const botMeta: BotMeta = {
  confidence: 0.42,
  responder: 'offline',
  modelId: 'kb-2025-01',
  sources: [{ id: 'kb_returns', title: 'Returns' }],
  alternatives: [{ id: 'kb_shipping', title: 'Shipping', confidence: 0.2 }],
  topic: 'returns',
};

export function conversationFixture(overrides: Partial<NewConversation> = {}): NewConversation {
  return {
    id: uniqueId('conv'),
    siteKey: 'site_demo',
    visitorId: uniqueId('visitor'),
    createdAt: at(0),
    ...overrides,
  };
}

/** A public customer message with a client id. */
export function messageFixture(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: uniqueId('msg'),
    conversationId,
    clientId: uniqueId('client'),
    role: 'customer',
    visibility: 'public',
    text: 'Where is my order?',
    author: null,
    bot: null,
    notice: null,
    draft: null,
    createdAt: at(1),
    ...overrides,
  };
}

/** A public bot reply, with the metadata of how it was produced. */
export function botReplyFixture(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return messageFixture(conversationId, {
    clientId: null,
    role: 'bot',
    text: 'Orders ship within two days.',
    bot: botMeta,
    ...overrides,
  });
}

/** The draft state of a reply held for approval, not yet reviewed. */
export function pendingDraftFixture(overrides: Partial<DraftState> = {}): DraftState {
  return {
    status: 'pending',
    reasons: [
      { signal: 'topic_rule', value: 'refund', rule: 'refunds-need-approval', detail: 'matched "refund"' },
      { signal: 'low_confidence', value: 0.42, threshold: 0.6 },
    ],
    reviewer: null,
    reviewedAt: null,
    publishedMessageId: null,
    ...overrides,
  };
}

/** An internal bot reply held for review, with a pending draft. */
export function heldReplyFixture(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return botReplyFixture(conversationId, {
    visibility: 'internal',
    draft: pendingDraftFixture(),
    ...overrides,
  });
}

/** The delivery of an agent's e-mail reply, stored before the first attempt. */
export function emailDeliveryFixture(overrides: Partial<EmailDelivery> = {}): EmailDelivery {
  return {
    to: 'ana@example.com',
    subject: 'Your conversation with Harbor & Pine',
    messageId: `<${uniqueId('msg')}@shop.example>`,
    inReplyTo: null,
    references: [],
    status: 'pending',
    attempts: 0,
    sentAt: null,
    error: null,
    ...overrides,
  };
}

/** An agent's public reply sent by e-mail, with a client id and a pending delivery. */
export function emailReplyFixture(conversationId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return messageFixture(conversationId, {
    role: 'agent',
    author: agentAuthor,
    text: 'Your parcel left our warehouse today.',
    email: emailDeliveryFixture(),
    ...overrides,
  });
}

export function correctionFixture(
  conversationId: string,
  messageId: string,
  overrides: Partial<NewCorrection> = {},
): NewCorrection {
  return {
    id: uniqueId('corr'),
    conversationId,
    messageId,
    context: [{ role: 'customer', text: 'Where is my order?' }],
    original: {
      text: 'Orders ship within two days.',
      confidence: 0.42,
      responder: 'offline',
      modelId: 'kb-2025-01',
    },
    correctedText: 'Your order left our warehouse yesterday; tracking is in your email.',
    topic: 'shipping',
    kind: 'edited_draft',
    reasons: ['incomplete'],
    note: null,
    agent: agentAuthor,
    editDistance: 41,
    timeSpentMs: 12_000,
    createdAt: at(10),
    ...overrides,
  };
}

export function agentFixture(overrides: Partial<NewAgent> = {}): NewAgent {
  const id = uniqueId('agent');
  return {
    id,
    email: `${id}@example.com`,
    name: 'Ana Agent',
    role: 'agent',
    passwordHash: 'scrypt$salt$hash',
    createdAt: at(0),
    ...overrides,
  };
}

export function sessionFixture(agentId: string, overrides: Partial<AgentSession> = {}): AgentSession {
  return { tokenHash: uniqueId('token'), agentId, createdAt: at(0), expiresAt: at(3600), ...overrides };
}

export function auditFixture(overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    id: uniqueId('audit'),
    actor: agentAuthor,
    action: 'conversation.claimed',
    target: 'conv_1',
    data: { reasons: ['low_confidence'], attempt: 1 },
    at: at(0),
    ...overrides,
  };
}

/** A correction filter that matches everything unless narrowed. */
export function filterFixture(overrides: Partial<CorrectionFilter> = {}): CorrectionFilter {
  return { status: 'any', ...overrides };
}
