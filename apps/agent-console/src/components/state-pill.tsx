import type { ConversationState } from '@hitl/shared/models';

export function StatePill({ state, testId }: { state: ConversationState; testId?: string }) {
  return (
    <span className={`state-pill state-${state}`} data-testid={testId}>
      {state}
    </span>
  );
}
