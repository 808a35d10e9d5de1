import { type Correction, correctionReasons } from '@hitl/shared/models';
import type { AgreementCounts, CorrectionFilter, CorrectionStatsResponse } from '@hitl/shared/rest';
import type { Store } from '../store/store';

/** The key corrections without a topic are counted under in `byTopic`. */
export const UNKNOWN_TOPIC = 'unknown';

type AgentTally = CorrectionStatsResponse['byAgent'][number];

/**
 * Counts of the corrections matching `filter`: by review status, how reviewers judged them
 * (approved as written, approved with edits, rejected), by reason, topic and author. Reads the
 * corrections as a stream, so memory grows with the number of authors and topics, not corrections.
 */
export async function correctionStats(
  store: Store,
  filter: CorrectionFilter,
): Promise<CorrectionStatsResponse> {
  const stats: CorrectionStatsResponse = {
    total: 0,
    byStatus: { pending: 0, approved: 0, rejected: 0 },
    agreement: { agreed: 0, edited: 0, disagreed: 0, rate: null },
    byReason: Object.fromEntries(correctionReasons.map((reason) => [reason, 0])) as Record<
      (typeof correctionReasons)[number],
      number
    >,
    byTopic: {},
    byAgent: [],
  };
  const agents = new Map<string, AgentTally>();

  for await (const correction of store.iterateCorrections(filter)) {
    stats.total += 1;
    stats.byStatus[correction.review.status] += 1;
    for (const reason of correction.reasons) stats.byReason[reason] += 1;
    const topic = correction.topic ?? UNKNOWN_TOPIC;
    stats.byTopic[topic] = (stats.byTopic[topic] ?? 0) + 1;

    let agent = agents.get(correction.agent.id);
    if (agent === undefined) {
      agent = { agent: { ...correction.agent }, total: 0, agreed: 0, edited: 0, disagreed: 0 };
      agents.set(correction.agent.id, agent);
    }
    agent.total += 1;
    const verdict = verdictOf(correction);
    if (verdict !== null) {
      stats.agreement[verdict] += 1;
      agent[verdict] += 1;
    }
  }

  const { agreed, edited, disagreed } = stats.agreement;
  const reviewed = agreed + edited + disagreed;
  stats.agreement.rate = reviewed === 0 ? null : Math.round((agreed / reviewed) * 100) / 100;
  stats.byAgent = [...agents.values()].sort(
    (a, b) => b.total - a.total || a.agent.name.localeCompare(b.agent.name),
  );
  return stats;
}

/** How the reviewer judged a correction; null while it waits for review. */
function verdictOf(correction: Correction): keyof AgreementCounts | null {
  switch (correction.review.status) {
    case 'approved':
      return correction.review.edited ? 'edited' : 'agreed';
    case 'rejected':
      return 'disagreed';
    default:
      return null;
  }
}
