import type { ConfidenceParts, Correction, Message } from '@hitl/shared/models';
import { describe, expect, it } from 'vitest';
import { collectCalibrationSamples } from './collect-calibration-samples';

const parts: ConfidenceParts = { logprob: 0.9, retrieval: 0.7 };

function bot(id: string, extra: Partial<Message> = {}, responder = 'llm'): Message {
  return {
    id,
    conversationId: 'c1',
    seq: 1,
    clientId: null,
    role: 'bot',
    visibility: 'public',
    text: id,
    author: null,
    bot: {
      confidence: 0.8,
      responder,
      modelId: 'm',
      sources: [],
      alternatives: [],
      topic: null,
      confidenceParts: parts,
    },
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const draft = (status: 'approved' | 'edited') => ({
  status,
  reasons: [],
  reviewer: null,
  reviewedAt: null,
  publishedMessageId: null,
});

describe('collectCalibrationSamples', () => {
  it('labels delivered, uncorrected replies right and approved-corrected ones wrong; skips the rest', async () => {
    const messages = [
      bot('sent'),
      bot('corrected', { correctionId: 'k1' }),
      bot('pending-correction', { correctionId: 'k2' }),
      bot('withheld', { visibility: 'internal' }),
      bot('draft-approved', { visibility: 'internal', draft: draft('approved') }),
      bot('draft-edited', { visibility: 'internal', draft: draft('edited'), correctionId: 'k3' }),
      bot('offline', {}, 'offline'),
      { ...bot('customer'), role: 'customer' as const, bot: null },
    ];
    const store = {
      async *iterateCorrections() {
        yield { messageId: 'corrected' } as Correction;
        yield { messageId: 'draft-edited' } as Correction;
      },
      listConversations: async () => [{ id: 'c1' }] as never,
      listMessages: async () => messages,
    };
    const samples = await collectCalibrationSamples(store);
    expect(samples).toEqual([
      { parts, correct: true },
      { parts, correct: false },
      { parts, correct: true },
      { parts, correct: false },
    ]);
  });
});
