import { createHash } from 'node:crypto';
import { type KnowledgeGap, type KnowledgeGapsResponse, normalizeExample } from '@hitl/shared/knowledge';
import { groupSimilarQuestions } from '../../responder/question-similarity';
import type { ServiceContext } from '../service-context';
import { collectGapQuestions, type GapEntry } from './collect-gap-questions';

/** The most recent questions looked at: bounds the grouping's time and memory. */
export const GAP_QUESTIONS_SCANNED = 2000;
const GROUPS_SHOWN = 50;
const QUESTIONS_SHOWN = 20;
const ANSWERS_SHOWN = 5;
/** Within a group, the question most others cluster around at this closer similarity is its typical one. */
const TYPICAL_SIMILARITY = 0.7;
const DAY_MS = 86_400_000;

/**
 * Knowledge gaps: the questions no article answers well over the last `days`, grouped by similarity,
 * largest group first. A question that is already an example of an active article is left out, so a
 * group turned into an article (or added to one) disappears.
 */
export async function findKnowledgeGaps(ctx: ServiceContext, days: number): Promise<KnowledgeGapsResponse> {
  const since = new Date(ctx.clock.now().getTime() - days * DAY_MS).toISOString();
  const covered = new Set(
    (await ctx.store.listArticles('active')).flatMap((article) => article.examples.map(normalizeExample)),
  );
  const scanned = await collectGapQuestions(ctx, since, GAP_QUESTIONS_SCANNED);
  const entries = scanned.filter((entry) => !covered.has(normalizeExample(entry.text)));
  const groups = groupSimilarQuestions(entries.map((entry) => entry.text));
  return {
    since,
    scanned: scanned.length,
    gaps: groups
      .slice(0, GROUPS_SHOWN)
      .map((members) => describeGap(members.map((i) => entries[i] as GapEntry))),
  };
}

function describeGap(entries: GapEntry[]): KnowledgeGap {
  const distinct = new Map<string, GapEntry>();
  for (const entry of entries) {
    const key = normalizeExample(entry.text);
    if (!distinct.has(key)) distinct.set(key, entry);
  }
  const texts = entries.map((entry) => entry.text);
  const closest = groupSimilarQuestions(texts, TYPICAL_SIMILARITY)[0]?.[0] ?? 0;
  const typicalQuestion = texts[closest] ?? texts[0] ?? '';
  return {
    id: createHash('sha256').update(normalizeExample(typicalQuestion)).digest('hex').slice(0, 12),
    count: entries.length,
    typicalQuestion,
    questions: [...distinct.values()]
      .slice(0, QUESTIONS_SHOWN)
      .map(({ text, conversationId, at, source }) => ({
        text,
        conversationId,
        at,
        source,
      })),
    agentAnswers: tally(entries.map((entry) => entry.agentAnswer)).slice(0, ANSWERS_SHOWN),
    topic: tally(entries.map((entry) => entry.topic))[0]?.text ?? null,
    lastAskedAt:
      entries
        .map((entry) => entry.at)
        .sort()
        .at(-1) ?? '',
  };
}

/** Distinct texts (same up to case and spacing) with their counts, most common first, nulls left out. */
function tally(values: (string | null)[]): { text: string; count: number }[] {
  const counts = new Map<string, { text: string; count: number; order: number }>();
  values.forEach((value, order) => {
    if (value === null || value.trim() === '') return;
    const key = value.trim().toLowerCase().replace(/\s+/g, ' ');
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { text: value.trim(), count: 1, order });
  });
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ text, count }) => ({ text, count }));
}
