import type { OversightMode, Reason } from '@hitl/shared/models';

export type ReplyAction = 'answer' | 'draft' | 'escalate';

/** Everything the policy looks at for one customer message. */
export interface EscalationSignals {
  /** Calibrated confidence of the responder's answer, or null when no answer was computed. */
  confidence: number | null;
  /** The phrase that asked for a person, or null. */
  explicitRequest: string | null;
}

export interface EscalationPolicy {
  mode: OversightMode;
  confidenceThreshold: number;
}

export interface EscalationDecision {
  action: ReplyAction;
  mode: OversightMode;
  reasons: Reason[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The pure decision: signals + policy → what the bot does with its reply.
 * An explicit request for a person is honoured in every mode, autonomous included.
 */
export function decideEscalation(signals: EscalationSignals, policy: EscalationPolicy): EscalationDecision {
  const { mode } = policy;
  if (signals.explicitRequest !== null) {
    return {
      action: 'escalate',
      mode,
      reasons: [{ signal: 'customer_request', value: 1, detail: signals.explicitRequest }],
    };
  }
  if (mode === 'autonomous') return { action: 'answer', mode, reasons: [] };

  const reasons: Reason[] = [];
  if (signals.confidence !== null && signals.confidence < policy.confidenceThreshold) {
    reasons.push({
      signal: 'low_confidence',
      value: round2(signals.confidence),
      threshold: policy.confidenceThreshold,
    });
  }
  if (reasons.length > 0) return { action: 'escalate', mode, reasons };
  return { action: mode === 'approval' ? 'draft' : 'answer', mode, reasons };
}
