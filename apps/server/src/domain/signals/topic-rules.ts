import type { RuleAction, TopicRule } from '@hitl/shared/policy';
import { compileLinearRegex, type LinearRegex } from '../../lib/linear-regex';
import { normaliseText } from '../normalise-text';
import { extractMoneyAmounts } from './money-amounts';

/** A policy rule that applies to a message, and what in the message made it apply. */
export interface RuleMatch {
  ruleId: string;
  topic: string;
  action: RuleAction;
  matched: string;
}

/**
 * The rules that apply to a customer message. A rule applies when the message is about it (any keyword,
 * any pattern, or the responder's topic is one of its `responderTopics`) and, when it sets `minAmount`,
 * mentions an amount at least that large. A rule with only `minAmount` applies to any such amount.
 */
export function matchTopicRules(
  text: string,
  responderTopic: string | null,
  rules: TopicRule[],
): RuleMatch[] {
  const normalised = ` ${normaliseText(text)} `;
  const amounts = extractMoneyAmounts(text);
  const anyPattern = patternPrefilter(rules);
  const patternsMayMatch = anyPattern === null || anyPattern.firstMatch(text) !== null;
  const matches: RuleMatch[] = [];
  for (const rule of rules) {
    const about = aboutMatch(rule, text, normalised, responderTopic, patternsMayMatch);
    const hasAboutCondition = Boolean(rule.keywords || rule.patterns || rule.responderTopics);
    if (hasAboutCondition && about === null) continue;
    const parts = about === null ? [] : [about];
    if (rule.minAmount !== undefined) {
      const minAmount = rule.minAmount;
      const amount = amounts.find((a) => a >= minAmount);
      if (amount === undefined) continue;
      parts.push(`amount ${amount}`);
    }
    matches.push({ ruleId: rule.id, topic: rule.topic, action: rule.action, matched: parts.join(', ') });
  }
  return matches;
}

function aboutMatch(
  rule: TopicRule,
  text: string,
  normalised: string,
  responderTopic: string | null,
  patternsMayMatch: boolean,
): string | null {
  const phrases = normalisedKeywords(rule);
  for (const [i, keyword] of (rule.keywords ?? []).entries()) {
    const phrase = phrases[i] as string;
    if (phrase !== '' && normalised.includes(` ${phrase} `)) return keyword;
  }
  for (const pattern of patternsMayMatch ? (rule.patterns ?? []) : []) {
    const match = compileLinearRegex(pattern).firstMatch(text);
    if (match !== null) return match;
  }
  if (responderTopic !== null && rule.responderTopics?.includes(responderTopic))
    return `topic ${responderTopic}`;
  return null;
}

/**
 * Each rule's keywords, normalised once per policy rather than at every message (they were most of the
 * rules' cost per turn). Keyed by the rule object: a changed policy brings new objects, so nothing goes stale.
 */
const keywordCache = new WeakMap<TopicRule, string[]>();

function normalisedKeywords(rule: TopicRule): string[] {
  let phrases = keywordCache.get(rule);
  if (phrases === undefined) {
    phrases = (rule.keywords ?? []).map((keyword) => normaliseText(keyword));
    keywordCache.set(rule, phrases);
  }
  return phrases;
}

/**
 * Every pattern of the rules as one alternation: most messages match none, and one RE2 run says so where
 * one run per pattern did (each run crosses into WebAssembly with a copy of the text). Only when it
 * matches are the patterns run one by one, to know whose. Null when there are no patterns (or, should
 * the alternation not compile, to run them one by one always).
 */
const prefilterCache = new WeakMap<readonly TopicRule[], LinearRegex | null>();

function patternPrefilter(rules: readonly TopicRule[]): LinearRegex | null {
  let prefilter = prefilterCache.get(rules);
  if (prefilter === undefined) {
    const patterns = rules.flatMap((rule) => rule.patterns ?? []);
    try {
      prefilter = patterns.length < 2 ? null : compileLinearRegex(patterns.map((p) => `(?:${p})`).join('|'));
    } catch {
      prefilter = null;
    }
    prefilterCache.set(rules, prefilter);
  }
  return prefilter;
}
