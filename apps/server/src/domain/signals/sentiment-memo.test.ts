import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment';
import { SentimentMemo } from './sentiment-memo';

describe('SentimentMemo', () => {
  it('returns the score remembered at ingest instead of scoring the text again', () => {
    const memo = new SentimentMemo();
    memo.remember('msg_1', -0.9);
    expect(memo.scoreOf({ id: 'msg_1', text: 'Thanks, lovely!' })).toBe(-0.9);
  });

  it('scores a message it has not seen, once', () => {
    const memo = new SentimentMemo();
    const text = 'This is ridiculous, I am furious';
    expect(memo.scoreOf({ id: 'msg_2', text })).toBe(scoreSentiment(text));
    expect(memo.scoreOf({ id: 'msg_2', text: 'changed text is not rescored' })).toBe(scoreSentiment(text));
  });

  it('forgets the oldest entries beyond its capacity', () => {
    const memo = new SentimentMemo(2);
    memo.remember('a', 0.1);
    memo.remember('b', 0.2);
    memo.remember('c', 0.3);
    expect(memo.scoreOf({ id: 'a', text: 'Hello' })).toBe(scoreSentiment('Hello'));
    expect(memo.scoreOf({ id: 'c', text: 'Hello' })).toBe(0.3);
  });
});
