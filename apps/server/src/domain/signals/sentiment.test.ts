import { describe, expect, it } from 'vitest';
import { loadEscalationPolicy } from '../../policy/load-policy';
import { scoreSentiment } from './sentiment';

/** The escalation's own rule for "upset": the shipped policy's limit. */
const upsetBelow = loadEscalationPolicy().sentiment.escalateBelow;

describe('scoreSentiment', () => {
  const table: [string, string, 'positive' | 'negative' | 'neutral'][] = [
    ['clearly positive', 'Thank you so much, this is great!', 'positive'],
    ['praise', 'Absolutely fantastic service', 'positive'],
    ['clearly negative', 'This is terrible, worst service ever.', 'negative'],
    ['anger', 'I am extremely angry', 'negative'],
    ['neutral question', 'Where is my order?', 'neutral'],
    ['neutral statement', 'I ordered a tent on Monday', 'neutral'],
    ['negated positive', 'This is not good', 'negative'],
    ['negated negative', 'not bad at all', 'positive'],
    ['negated liking', "I don't like it", 'negative'],
    ['angry emoji', 'this sucks 👎', 'negative'],
    ['happy emoji', 'great 😊', 'positive'],
    ['complaint after a polite opening', 'Hi. This is the worst service ever.', 'negative'],
    ['waiting complaint', 'Why is this taking so long?', 'negative'],
    ['still waiting', 'Still waiting.', 'negative'],
    ['repeating oneself', 'This is the third time I am asking', 'negative'],
  ];
  it.each(table)('%s: "%s" is %s', (_name, text, sign) => {
    const score = scoreSentiment(text);
    if (sign === 'positive') expect(score).toBeGreaterThan(0.2);
    if (sign === 'negative') expect(score).toBeLessThan(-0.2);
    if (sign === 'neutral') expect(Math.abs(score)).toBeLessThanOrEqual(0.2);
  });

  it('stays within [-1, 1] and gives 0 for empty text', () => {
    expect(scoreSentiment('')).toBe(0);
    for (const text of ['awful awful awful horrible disgusting', 'love love love wonderful amazing']) {
      const score = scoreSentiment(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('scores a strongly negative message below the default escalation limit', () => {
    expect(scoreSentiment('I am very disappointed, this is not good')).toBeLessThan(-0.6);
  });

  describe('frustration crosses the escalation limit', () => {
    const angry: [string, string][] = [
      [
        'intensifier, anger word, superlative and "!!"',
        'Absolutely terrible service, I am furious, worst shop ever!!',
      ],
      ['the same with an ellipsis', 'absolutely terrible … furious, worst shop ever!!'],
      ['"ridiculous"', 'This is ridiculous.'],
      ['"pathetic"', 'Pathetic. Ten days and the parcel has not left the warehouse.'],
      ['"a joke"', 'This is a joke.'],
      ['"fed up"', "I'm fed up with this."],
      ['"what the hell"', 'What the hell is going on with my refund?'],
      ['a threat to leave', 'Never ordering from you again.'],
      ['an intensified negative word', 'Your tracking page is completely useless.'],
      ['a superlative', 'the most useless chatbot i have ever used'],
      ['a shouted negative word', 'This is TERRIBLE'],
      ['an exclamation run on a complaint', 'This is the third time I am explaining this!!'],
      ['shouting about waiting', 'WHERE IS MY ORDER??? I paid two weeks ago!'],
      ['sarcastic praise', 'great, another week of waiting'],
      ['sarcastic thanks after a complaint', "You've ruined my camping trip. Thanks a lot."],
    ];
    it.each(angry)('%s: "%s"', (_name, text) => {
      expect(scoreSentiment(text)).toBeLessThan(upsetBelow);
    });
  });

  describe('calm, happy and loud-but-happy messages stay above it', () => {
    const calm: [string, string][] = [
      ['caps and "!!" on praise', 'LOVE it!! The tent is perfect'],
      ['a superlative of praise', 'this is the best shop ever!'],
      ['shouted thanks', 'THANK YOU SO MUCH!!! You saved my holiday'],
      ['"worst case"', 'What happens in the worst case if the parcel gets lost?'],
      ['"the worst that can happen"', "What's the worst that can happen if I miss the delivery?"],
      [
        'small talk about the weather',
        'Terrible weather here today. Can you tell me when my parcel arrives?',
      ],
      ['negated "bad"', 'not bad at all'],
      ['negated anger', "I'm not angry, just confused about the return label."],
      ['a polite complaint', 'Could you please check on my refund? It has been a week.'],
      ['a toned-down complaint', "I'm a bit disappointed the colour is different, can I exchange it?"],
      ['an apology', 'So sorry to bother you again, any news on my return?'],
      ['"hate to" as politeness', 'I hate to be a pain but could you check the refund status?'],
      ['acronyms and order codes are not shouting', 'Is my order HP-20931 with UPS or DHL? My ID is ABC.'],
      ['"great" with thanks, no complaint', 'Great, thanks!'],
      ['praise with a repetition', "I've ordered from you 5 times and LOVE it!!"],
      ['"every time" in praise', 'Every time I order, it arrives fast!!'],
      ['"unbelievable" as praise', 'Unbelievable value, LOVE it!!'],
      ['"how hard" as a product question', 'How hard is it to set up the tent?!'],
      ['"great, another" in praise', 'Great, another order for me then!'],
      ['"perfect, still" before a question', 'Perfect, still one question: do you ship to Spain?'],
    ];
    it.each(calm)('%s: "%s"', (_name, text) => {
      expect(scoreSentiment(text)).toBeGreaterThanOrEqual(upsetBelow);
    });
  });

  it('emphasis amplifies the polarity a message has and creates none', () => {
    expect(scoreSentiment('WHERE IS MY ORDER')).toBe(0);
    expect(scoreSentiment('Where is my order?!!')).toBe(0);
    expect(scoreSentiment('I LOVE it!!!')).toBeGreaterThan(0.2);
    expect(scoreSentiment('This is TERRIBLE!!!')).toBeLessThan(scoreSentiment('This is terrible'));
  });
});
