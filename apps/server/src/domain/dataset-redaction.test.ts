import { describe, expect, it } from 'vitest';
import { correctionFixture } from '../../../../test/store-contract/store-fixtures';
import { createCorrectionRedactor } from './dataset-redaction';

const withPersonalData = () => ({
  ...correctionFixture('conv_1', 'msg_1', {
    context: [
      { role: 'customer' as const, text: 'mail me at a.b+c@shop.co.uk' },
      { role: 'bot' as const, text: 'How long does shipping take to Leeds?' },
    ],
    correctedText: 'We refunded card 4111 1111 1111 1111.',
  }),
  original: { text: 'Call +44 20 7946 0958', confidence: 0.4, responder: 'offline', modelId: 'm' },
  agent: { id: 'agent_1', name: 'Ana Silva' },
});

describe('createCorrectionRedactor', () => {
  it('redacts the context and the corrected reply, and leaves texts without personal data as they are', () => {
    const redacted = createCorrectionRedactor('openai-chat')(withPersonalData() as never);
    expect(redacted.context.map((turn) => turn.text)).toEqual([
      'mail me at [EMAIL]',
      'How long does shipping take to Leeds?',
    ]);
    expect(redacted.correctedText).toBe('We refunded card [CARD].');
    // openai-chat does not write the original reply: it is left alone.
    expect(redacted.original.text).toBe('Call +44 20 7946 0958');
    expect(redacted.agent.name).toBe('Ana Silva');
  });

  it('also redacts the original reply for formats that write it', () => {
    const redacted = createCorrectionRedactor('openai-preference')(withPersonalData() as never);
    expect(redacted.original.text).toBe('Call [PHONE]');
  });
});
