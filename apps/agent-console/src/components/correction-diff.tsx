import type { Correction } from '@hitl/shared/models';
import { useMemo } from 'react';
import { formatConfidence } from '../lib/format';
import { diffWords } from '../lib/word-diff';

/**
 * The bot's reply and the agent's text side by side, with what was taken out and put in highlighted, so
 * the corrected text is read in the list itself rather than behind a tag.
 */
export function CorrectionDiff({ correction }: { correction: Correction }) {
  const { original, correctedText } = correction;
  const diff = useMemo(() => diffWords(original.text, correctedText), [original.text, correctedText]);
  // Texts with no word in common (a person's answer instead of the withheld reply) read better unmarked.
  const related = diff.some((part) => part.kind === 'same');
  const parts = related ? diff : [{ kind: 'same' as const, text: correctedText }];
  return (
    <div className="correction-diff">
      <div className="diff-side">
        <div className="diff-label">
          Bot
          {original.confidence !== null && ` · confidence ${formatConfidence(original.confidence)}`}
        </div>
        <p className="diff-text" data-testid="original-text">
          {original.text && !related ? (
            original.text
          ) : original.text ? (
            parts.map((part, index) =>
              part.kind === 'added' ? null : part.kind === 'removed' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff's parts are positional
                <del key={index}>{part.text}</del>
              ) : (
                part.text
              ),
            )
          ) : (
            <span className="muted">No bot reply (withheld or none).</span>
          )}
        </p>
      </div>
      <div className="diff-side">
        <div className="diff-label">
          {correction.kind === 'human_answer' ? 'Agent’s answer' : 'Corrected'}
        </div>
        <p className="diff-text" data-testid="corrected-text">
          {parts.map((part, index) =>
            part.kind === 'removed' ? null : part.kind === 'added' && original.text ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: a diff's parts are positional
              <ins key={index}>{part.text}</ins>
            ) : (
              part.text
            ),
          )}
        </p>
      </div>
    </div>
  );
}
