import type { Correction } from '@hitl/shared/models';
import { conversationHref } from '../hooks/use-hash-route';

const roleLabels = { customer: 'Customer', bot: 'Bot', agent: 'Agent' } as const;

/**
 * What the model saw: the customer's question up front (the last customer turn), the turns before it one
 * click away, and a link that opens the conversation in the inbox.
 */
export function CorrectionQuestion({ correction }: { correction: Correction }) {
  const { context } = correction;
  const at = context.findLastIndex((turn) => turn.role === 'customer');
  const question = at >= 0 ? context[at] : undefined;
  const others = context.filter((_, index) => index !== at);
  return (
    <div className="correction-question">
      <p className="question-text" data-testid="correction-question">
        {question ? question.text : <span className="muted">No customer question recorded.</span>}
      </p>
      {others.length > 0 && (
        <details className="context-details">
          <summary data-testid="correction-context-toggle">
            {others.length === 1 ? '1 other turn' : `${others.length} other turns`} the model saw
          </summary>
          <ol className="context-turns" data-testid="correction-context">
            {context.map((turn, index) =>
              index === at ? null : (
                // The context is fixed once stored: its order is its identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: turns have no id of their own
                <li key={index} className={`context-turn context-${turn.role}`}>
                  <span className="context-role">{roleLabels[turn.role]}</span> {turn.text}
                </li>
              ),
            )}
          </ol>
        </details>
      )}
      <a
        className="link-button small"
        href={conversationHref(correction.conversationId)}
        data-testid="correction-open-conversation"
      >
        Open conversation
      </a>
    </div>
  );
}
