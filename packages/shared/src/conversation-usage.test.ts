import { describe, expect, it } from 'vitest';
import { sumUsage } from './conversation-usage';
import type { BotMeta, Message, ModelUsage } from './models';

function message(
  role: Message['role'],
  usage?: ModelUsage,
  visibility: Message['visibility'] = 'public',
): Message {
  const bot: BotMeta | null =
    role === 'bot'
      ? {
          confidence: 0.9,
          responder: 'llm',
          modelId: 'm',
          sources: [],
          alternatives: [],
          topic: null,
          ...(usage ? { usage } : {}),
        }
      : null;
  return {
    id: crypto.randomUUID(),
    conversationId: 'c',
    seq: 1,
    clientId: null,
    role,
    visibility,
    text: 'x',
    author: null,
    bot,
    notice: null,
    correctionId: null,
    draft: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('sumUsage', () => {
  it.each([
    [
      'no bot replies',
      [message('customer')],
      { promptTokens: 0, completionTokens: 0, costUsd: null, replies: 0 },
    ],
    [
      'offline replies (no usage)',
      [message('bot')],
      { promptTokens: 0, completionTokens: 0, costUsd: null, replies: 0 },
    ],
    [
      'sent and withheld replies alike',
      [
        message('customer'),
        message('bot', { promptTokens: 100, completionTokens: 20, costUsd: 0.000027 }),
        message('bot', { promptTokens: 300, completionTokens: 10, costUsd: 0.000051 }, 'internal'),
      ],
      { promptTokens: 400, completionTokens: 30, costUsd: 0.000078, replies: 2 },
    ],
    [
      'a reply without a price makes the cost unknown',
      [
        message('bot', { promptTokens: 1, completionTokens: 1, costUsd: 0.1 }),
        message('bot', { promptTokens: 1, completionTokens: 1, costUsd: null }),
      ],
      { promptTokens: 2, completionTokens: 2, costUsd: null, replies: 2 },
    ],
  ])('%s', (_name, messages, expected) => {
    expect(sumUsage(messages)).toEqual(expected);
  });
});
