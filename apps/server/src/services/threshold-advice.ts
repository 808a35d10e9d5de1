import type { Agent } from '@hitl/shared/models';
import { type EscalationPolicy, resolveBands } from '@hitl/shared/policy';
import type { PolicyResponse } from '@hitl/shared/rest';
import {
  MIN_REVIEWS_FOR_ADVICE,
  type ScopeAdvice,
  type ThresholdAdviceResponse,
} from '@hitl/shared/threshold-advice';
import { adviseThreshold, type ReviewedAnswer } from '../domain/threshold-advice';
import { assertPermitted } from './auth/assert-permitted';
import { DomainError } from './domain-error';
import { updatePolicy } from './policy-state';
import type { ServiceContext } from './service-context';

/** The most reviews of each kind advice reads (two bounded queries, newest first). */
export const ADVICE_REVIEWS_LIMIT = 5000;

interface TopicReview extends ReviewedAnswer {
  topic: string | null;
}

/**
 * Threshold advice from the team's own reviews, per topic and global. Right: an answer marked right in the
 * review-later list. Wrong: an answer with an approved correction, from the list or from anywhere else (an
 * answer both marked right and later corrected counts once, as wrong).
 */
export async function thresholdAdvice(
  ctx: ServiceContext,
  accuracy: number,
): Promise<ThresholdAdviceResponse> {
  const reviews = await readReviews(ctx);
  const policy = ctx.policy();
  const topics = new Set<string>(Object.keys(policy.topics));
  for (const r of reviews) if (r.topic !== null) topics.add(r.topic);
  const scope = (topic: string | null): ScopeAdvice => {
    const scoped = topic === null ? reviews : reviews.filter((r) => r.topic === topic);
    const advice = adviseThreshold(scoped, accuracy, MIN_REVIEWS_FOR_ADVICE);
    return {
      topic,
      currentThreshold: resolveBands(policy, topic).answer,
      advisedThreshold: advice.threshold,
      reviews: advice.reviews,
      right: advice.right,
      wrong: advice.wrong,
      answered: advice.answered,
      answeredAccuracy: advice.answeredAccuracy,
      enough: advice.enough,
    };
  };
  return {
    accuracy,
    minReviews: MIN_REVIEWS_FOR_ADVICE,
    global: scope(null),
    topics: [...topics].sort().map(scope),
  };
}

async function readReviews(ctx: ServiceContext): Promise<TopicReview[]> {
  const [marked, corrections] = await Promise.all([
    ctx.store.listReviewItems({ status: 'right', limit: ADVICE_REVIEWS_LIMIT }),
    ctx.store.listCorrections({ status: 'approved' }, { limit: ADVICE_REVIEWS_LIMIT, offset: 0 }),
  ]);
  const byMessage = new Map<string, TopicReview>();
  for (const item of marked) {
    byMessage.set(item.messageId, { confidence: item.confidence, topic: item.topic, right: true });
  }
  for (const c of corrections) {
    if (c.original.confidence === null) continue;
    byMessage.set(c.messageId, { confidence: c.original.confidence, topic: c.topic, right: false });
  }
  return [...byMessage.values()];
}

/**
 * Applies the advice of one scope through the usual policy update (validated, audited, on every node at
 * once). When the advised answer threshold is below the review threshold of the same scope, the review
 * threshold comes down with it (one band), so the policy stays valid; the audit names both.
 */
export async function applyThresholdAdvice(
  ctx: ServiceContext,
  agent: Agent,
  input: { topic: string | null; accuracy: number },
): Promise<PolicyResponse> {
  assertPermitted(agent, 'policy.edit');
  const advice = await thresholdAdvice(ctx, input.accuracy);
  const scope = input.topic === null ? advice.global : advice.topics.find((t) => t.topic === input.topic);
  if (!scope || scope.advisedThreshold === null)
    throw new DomainError('invalid_state', 'There is no advice for this scope yet.');
  if (!scope.enough) {
    throw new DomainError(
      'invalid_state',
      `The advice rests on ${scope.reviews} reviews; at least ${advice.minReviews} are needed to apply it.`,
    );
  }
  const next = withAnswerThreshold(ctx.policy(), input.topic, scope.advisedThreshold);
  return updatePolicy(ctx, agent, next, {
    advice: {
      topic: input.topic,
      from: scope.currentThreshold,
      to: scope.advisedThreshold,
      accuracy: input.accuracy,
      reviews: scope.reviews,
    },
  });
}

function withAnswerThreshold(
  policy: EscalationPolicy,
  topic: string | null,
  threshold: number,
): EscalationPolicy {
  if (topic === null) {
    const review = policy.reviewThreshold;
    return {
      ...policy,
      confidenceThreshold: threshold,
      ...(review !== undefined ? { reviewThreshold: Math.min(review, threshold) } : {}),
    };
  }
  const own = policy.topics[topic] ?? {};
  const review = own.reviewThreshold;
  return {
    ...policy,
    topics: {
      ...policy.topics,
      [topic]: {
        ...own,
        confidenceThreshold: threshold,
        ...(review !== undefined ? { reviewThreshold: Math.min(review, threshold) } : {}),
      },
    },
  };
}
