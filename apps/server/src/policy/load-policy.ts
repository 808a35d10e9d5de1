import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type EscalationPolicy, escalationPolicySchema } from '@hitl/shared/policy';
import { linearRegexProblem } from '../lib/linear-regex';

/** The policy shipped with the server. */
export const defaultEscalationPolicyPath = fileURLToPath(
  new URL('./default-escalation-policy.json', import.meta.url),
);

/** Reads and validates a policy file; throws an Error naming the file and every problem in it. */
export function loadEscalationPolicy(path: string = defaultEscalationPolicyPath): EscalationPolicy {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Escalation policy ${path} could not be read: ${describeError(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`Escalation policy ${path} is not valid JSON: ${describeError(error)}`);
  }
  return parseEscalationPolicy(json, path);
}

/** Validates a policy; `source` names where it came from in the error (a path, "environment" …). */
export function parseEscalationPolicy(json: unknown, source: string): EscalationPolicy {
  const parsed = escalationPolicySchema.safeParse(json);
  const issues = parsed.success ? linearRegexIssues(parsed.data) : parsed.error.issues;
  if (parsed.success && issues.length === 0) return parsed.data;
  const problems = issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
  throw new InvalidPolicyError(`Escalation policy ${source} is invalid:\n${problems.join('\n')}`, issues);
}

/** A policy refused with every problem at its place, so the console can show each beside its field. */
export class InvalidPolicyError extends Error {
  override name = 'InvalidPolicyError';
  constructor(
    message: string,
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
  ) {
    super(message);
  }
}

/** Rule patterns run on RE2 (see `linear-regex.ts`): one it cannot compile is refused with its place. */
function linearRegexIssues(policy: EscalationPolicy): { path: PropertyKey[]; message: string }[] {
  return policy.rules.flatMap((rule, ruleIndex) =>
    (rule.patterns ?? []).flatMap((pattern, patternIndex) => {
      const problem = linearRegexProblem(pattern);
      return problem ? [{ path: ['rules', ruleIndex, 'patterns', patternIndex], message: problem }] : [];
    }),
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  const joined = path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  return joined.startsWith('.') ? joined.slice(1) : joined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
