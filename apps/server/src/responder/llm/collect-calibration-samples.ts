import type { Message } from '@hitl/shared/models';
import type { Store } from '../../store/store';
import type { CalibrationSample } from './fit-llm-calibration';

/**
 * Reviewed outcomes of the LLM's recent answers, for `fitLlmCalibration`: a reply with an approved
 * correction was wrong; a reply the customer received (or a draft approved as it was) that nobody corrected
 * is taken as right. Replies with
 * a pending or rejected correction, and withheld ones nobody reviewed, say nothing and are left out.
 */
export async function collectCalibrationSamples(
  store: Pick<Store, 'iterateCorrections' | 'listConversations' | 'listMessages'>,
  options: { conversations: number } = { conversations: 500 },
): Promise<CalibrationSample[]> {
  const approved = new Set<string>();
  for await (const correction of store.iterateCorrections({ status: 'approved' })) {
    approved.add(correction.messageId);
  }
  const samples: CalibrationSample[] = [];
  for (const conversation of await store.listConversations({ limit: options.conversations })) {
    const messages = await store.listMessages(conversation.id, { afterSeq: 0, includeInternal: true });
    for (const message of messages) {
      const sample = toSample(message, approved);
      if (sample) samples.push(sample);
    }
  }
  return samples;
}

function toSample(message: Message, approved: ReadonlySet<string>): CalibrationSample | null {
  const parts = message.bot?.confidenceParts;
  if (message.role !== 'bot' || message.bot?.responder !== 'llm' || !parts) return null;
  if (approved.has(message.id)) return { parts, correct: false };
  if (message.correctionId !== null) return null;
  const delivered = message.visibility === 'public' || message.draft?.status === 'approved';
  return delivered ? { parts, correct: true } : null;
}
