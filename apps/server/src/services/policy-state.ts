import type { Agent } from '@hitl/shared/models';
import { type EscalationPolicy, escalationPolicySchema } from '@hitl/shared/policy';
import type { PolicyResponse } from '@hitl/shared/rest';
import type { Config } from '../config';
import { zodIssues } from '../lib/describe-zod-error';
import { createId } from '../lib/ids';
import type { Logger } from '../lib/logger';
import { missingFields } from '../lib/missing-fields';
import {
  defaultEscalationPolicyPath,
  InvalidPolicyError,
  loadEscalationPolicy,
  parseEscalationPolicy,
} from '../policy/load-policy';
import type { Store } from '../store/store';
import { assertPermitted } from './auth/assert-permitted';
import { DomainError } from './domain-error';
import { authorOf, nowIso, type ServiceContext } from './service-context';

/** The key under which the console-edited policy is stored. */
export const POLICY_SETTING = 'escalation-policy';

/** The policy in force on this node, swapped atomically when an admin saves a new one. */
export class PolicyState {
  constructor(private active: PolicyResponse) {}
  get policy(): EscalationPolicy {
    return this.active.policy;
  }
  view(): PolicyResponse {
    return this.active;
  }
  replace(next: PolicyResponse): void {
    this.active = next;
  }
}

/**
 * The policy in force at start: the one saved from the console when there is one, otherwise the
 * policy file (ESCALATION_POLICY or the shipped default) with the environment's overrides.
 */
export async function loadActivePolicy(
  store: Store,
  config: Config,
  logger: Logger,
): Promise<PolicyResponse> {
  const saved = await store.getSetting(POLICY_SETTING);
  if (saved) {
    try {
      return {
        policy: parseEscalationPolicy(saved.value, 'saved in the store'),
        updatedAt: saved.updatedAt,
        source: 'console',
      };
    } catch (err) {
      logger.error({ err }, 'the saved escalation policy is invalid; using the policy file');
    }
  }
  const file = loadEscalationPolicy(config.ESCALATION_POLICY ?? defaultEscalationPolicyPath);
  // Validated again: the environment's thresholds must keep the bands ordered (review ≤ answer).
  const policy = parseEscalationPolicy(
    {
      ...file,
      ...(config.OVERSIGHT_MODE ? { mode: config.OVERSIGHT_MODE } : {}),
      ...(config.CONFIDENCE_THRESHOLD !== undefined
        ? { confidenceThreshold: config.CONFIDENCE_THRESHOLD }
        : {}),
      ...(config.REVIEW_THRESHOLD !== undefined ? { reviewThreshold: config.REVIEW_THRESHOLD } : {}),
    },
    'with CONFIDENCE_THRESHOLD / REVIEW_THRESHOLD from the environment',
  );
  return { policy, updatedAt: null, source: config.ESCALATION_POLICY ? 'file' : 'default' };
}

/** An admin saves a new policy: validated, stored, audited, in force at once on every node. */
export async function updatePolicy(
  ctx: ServiceContext,
  agent: Agent,
  input: unknown,
  /** More for the audit trail (e.g. the threshold advice that was applied). */
  auditExtra: Record<string, unknown> = {},
): Promise<PolicyResponse> {
  assertPermitted(agent, 'policy.edit');
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new DomainError('invalid_payload', 'The policy must be a JSON object. Nothing was changed.');
  // A saved policy replaces the one in force whole: a field left out would silently become its default.
  const missing = missingFields(escalationPolicySchema, input);
  if (missing.length > 0) {
    throw new DomainError(
      'invalid_payload',
      `The policy must be complete; missing: ${missing.join(', ')}. Nothing was changed.`,
      missing.map((field) => ({ path: field.split('.'), message: 'is missing' })),
    );
  }
  let policy: EscalationPolicy;
  try {
    policy = parseEscalationPolicy(input, 'from the console');
  } catch (err) {
    if (err instanceof InvalidPolicyError)
      throw new DomainError('invalid_payload', err.message, zodIssues(err.issues));
    throw err;
  }
  const before = ctx.policyState.policy;
  const at = nowIso(ctx);
  await ctx.store.putSetting(POLICY_SETTING, policy, at);
  await ctx.store.appendAudit({
    id: createId('aud'),
    actor: authorOf(agent),
    action: 'policy.updated',
    target: POLICY_SETTING,
    data: {
      changed: changedKeys(before, policy),
      mode: policy.mode,
      confidenceThreshold: policy.confidenceThreshold,
      reviewThreshold: policy.reviewThreshold ?? null,
      ...auditExtra,
    },
    at,
  });
  const view: PolicyResponse = { policy, updatedAt: at, source: 'console' };
  ctx.policyState.replace(view);
  ctx.notifier.policyChanged();
  return view;
}

/** Another node saved a policy: take it from the store. */
export async function reloadPolicy(ctx: ServiceContext): Promise<void> {
  const saved = await ctx.store.getSetting(POLICY_SETTING);
  if (!saved) return;
  ctx.policyState.replace({
    policy: parseEscalationPolicy(saved.value, 'saved in the store'),
    updatedAt: saved.updatedAt,
    source: 'console',
  });
}

function changedKeys(before: EscalationPolicy, after: EscalationPolicy): string[] {
  return (Object.keys(after) as (keyof EscalationPolicy)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
