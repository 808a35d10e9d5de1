import type { PolicyResponse } from '@hitl/shared/rest';
import { DEFAULT_TARGET_ACCURACY, type ScopeAdvice } from '@hitl/shared/threshold-advice';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { applyThresholdAdvice, fetchThresholdAdvice } from '../api/review-items';
import { useRemote } from '../hooks/use-remote';

const accuracies = [0.9, 0.95, DEFAULT_TARGET_ACCURACY, 0.99];

type Props = {
  /** The policy's last change, so the advice (and its "current" column) is read again after a save. */
  policyVersion: string;
  editable: boolean;
  onApplied: (response: PolicyResponse) => void;
};

/**
 * The lowest answer threshold that keeps the chosen accuracy, from the team's own reviews (answers marked
 * right in the review-later list, answers with an approved correction), per topic and global. One click
 * applies it through the audited policy update.
 */
export function ThresholdAdvice({ policyVersion, editable, onApplied }: Props) {
  const [accuracy, setAccuracy] = useState(DEFAULT_TARGET_ACCURACY);
  const [applying, setApplying] = useState<string | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const advice = useRemote(() => fetchThresholdAdvice(accuracy), `${accuracy}|${policyVersion}`, null);

  const apply = async (scope: ScopeAdvice) => {
    const key = scope.topic ?? '(global)';
    setApplying(key);
    setApplyError(null);
    try {
      onApplied(await applyThresholdAdvice(scope.topic, accuracy));
    } catch (failure) {
      setApplyError(errorMessage(failure));
    } finally {
      setApplying(null);
    }
  };

  const data = advice.data;
  const rows = data ? [data.global, ...data.topics] : [];
  return (
    <section className="settings-section advice-section" data-testid="threshold-advice">
      <div className="section-header">
        <h3>Threshold advice</h3>
        <label className="inline-field">
          <span>Keep answered accuracy at</span>
          <select
            data-testid="advice-accuracy"
            value={accuracy}
            onChange={(event) => setAccuracy(Number(event.target.value))}
          >
            {accuracies.map((a) => (
              <option key={a} value={a}>
                {Math.round(a * 100)} %
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        From your team's reviews: an answer marked right in the review-later list counts right, an answer with
        an approved correction counts wrong. The advised threshold is the lowest at which the reviewed answers
        it would let through are right at least this often.
        {data && ` Below ${data.minReviews} reviews there are too few to go on.`}
      </p>
      {(advice.error ?? applyError) && <p className="banner banner-error">{advice.error ?? applyError}</p>}
      <table className="settings-table">
        <thead>
          <tr>
            <th>Scope</th>
            <th className="num">Current</th>
            <th className="num">Advised</th>
            <th className="num">Reviews (right / wrong)</th>
            <th className="num">Answered at advised</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((scope) => {
            const key = scope.topic ?? '(global)';
            const same = scope.advisedThreshold === scope.currentThreshold;
            return (
              <tr key={key} data-testid="advice-row" data-scope={key}>
                <td className="mono">{scope.topic ?? 'global'}</td>
                <td className="num">{scope.currentThreshold.toFixed(2)}</td>
                <td className="num" data-testid="advice-threshold">
                  {scope.advisedThreshold === null ? '—' : scope.advisedThreshold.toFixed(2)}
                </td>
                <td className="num">
                  {scope.reviews} ({scope.right} / {scope.wrong})
                  {!scope.enough && (
                    <div className="muted small" data-testid="advice-too-few">
                      too few to advise
                    </div>
                  )}
                </td>
                <td className="num">
                  {scope.answeredAccuracy === null
                    ? '—'
                    : `${scope.answered} · ${(scope.answeredAccuracy * 100).toFixed(1)} %`}
                </td>
                <td>
                  {editable && (
                    <button
                      type="button"
                      className="btn"
                      data-testid="advice-apply"
                      disabled={!scope.enough || scope.advisedThreshold === null || same || applying !== null}
                      onClick={() => void apply(scope)}
                    >
                      {applying === key ? 'Applying…' : same ? 'In force' : 'Apply'}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">{advice.loading ? 'Computing…' : 'No advice.'}</p>}
    </section>
  );
}
