import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Notifier } from '../services/notifier';
import { createExportJobMetrics, type ExportJobMetrics } from './live-metrics';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'status'>;
  exportJobs: ExportJobMetrics;
}

/** One registry per app instance (tests run several in one process). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Counter({
    name: 'hitl_http_requests_total',
    help: 'HTTP requests by method and status',
    labelNames: ['method', 'status'] as const,
    registers: [registry],
  });
  return { registry, httpRequests, exportJobs: createExportJobMetrics(registry) };
}

/** Counts what services announce, without the services knowing about metrics. */
export function countingNotifier(inner: Notifier, registry: Registry): Notifier {
  const messages = new Counter({
    name: 'hitl_messages_total',
    help: 'Stored messages by role and visibility',
    labelNames: ['role', 'visibility'] as const,
    registers: [registry],
  });
  const escalations = new Counter({
    name: 'hitl_escalations_total',
    help: 'Escalations by signal',
    labelNames: ['signal'] as const,
    registers: [registry],
  });
  const drafts = new Counter({
    name: 'hitl_drafts_total',
    help: 'Bot replies held for review',
    registers: [registry],
  });
  const corrections = new Counter({
    name: 'hitl_corrections_total',
    help: 'Corrections recorded',
    registers: [registry],
  });
  const reviewItems = new Counter({
    name: 'hitl_review_items_total',
    help: 'Answers sent in the review band (created), and marks on them (right, corrected)',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const streams = new Counter({
    name: 'hitl_bot_streams_total',
    help: 'Bot replies streamed to customers, by whether the policy kept them',
    labelNames: ['kept'] as const,
    registers: [registry],
  });
  const agents = new Gauge({
    name: 'hitl_agents_online',
    help: 'Agents connected',
    registers: [registry],
    collect: async function () {
      this.set(await inner.agentsOnline());
    },
  });
  void agents;
  return {
    messageCreated(conversation, message, origin) {
      messages.inc({ role: message.role, visibility: message.visibility });
      inner.messageCreated(conversation, message, origin);
    },
    conversationChanged(conversation, change) {
      if (change === 'escalated') for (const r of conversation.reasons) escalations.inc({ signal: r.signal });
      inner.conversationChanged(conversation, change);
    },
    correctionCreated(correction) {
      corrections.inc();
      inner.correctionCreated(correction);
    },
    correctionWithdrawn: (correctionId) => inner.correctionWithdrawn(correctionId),
    draftCreated(conversation, draft) {
      drafts.inc();
      inner.draftCreated(conversation, draft);
    },
    messageUpdated: (conversation, message) => inner.messageUpdated(conversation, message),
    reviewItemChanged(item, change) {
      reviewItems.inc({ status: change === 'created' ? 'created' : item.status });
      inner.reviewItemChanged(item, change);
    },
    policyChanged: () => inner.policyChanged(),
    knowledgeChanged: () => inner.knowledgeChanged(),
    sessionEnded: (sessionKey) => inner.sessionEnded(sessionKey),
    agentSessionsEnded: (agentId) => inner.agentSessionsEnded(agentId),
    botTyping: (conversation, typing) => inner.botTyping(conversation, typing),
    botStream: (conversation, streamId, delta) => inner.botStream(conversation, streamId, delta),
    botStreamEnd(conversation, streamId, kept) {
      streams.inc({ kept: String(kept) });
      inner.botStreamEnd(conversation, streamId, kept);
    },
    visitorProfileChanged: (conversation, profile) => inner.visitorProfileChanged(conversation, profile),
    customerTyping: (conversation, typing) => inner.customerTyping(conversation, typing),
    agentTyping: (conversation, agent, typing) => inner.agentTyping(conversation, agent, typing),
    agentsOnline: () => inner.agentsOnline(),
    agentPresence: () => inner.agentPresence(),
    queuePosition: (siteKey, visitorId, status) => inner.queuePosition(siteKey, visitorId, status),
  };
}
