import type { KnowledgeArticle, KnowledgeGap } from '@hitl/shared/knowledge';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { updateArticle } from '../api/knowledge';
import { mergeExamples } from '../lib/article-form';
import { formatDateTime } from '../lib/format';

const QUESTIONS_SHOWN = 6;

type Props = {
  gap: KnowledgeGap;
  articles: KnowledgeArticle[];
  editable: boolean;
  onCreateArticle: (gap: KnowledgeGap) => void;
  onAddedToArticle: (article: KnowledgeArticle) => void;
};

/** One group of alike questions: how often, which, what agents answered; and the two ways to close it. */
export function GapCard({ gap, articles, editable, onCreateArticle, onAddedToArticle }: Props) {
  const [targetId, setTargetId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const questions = showAll ? gap.questions : gap.questions.slice(0, QUESTIONS_SHOWN);

  const addToArticle = async () => {
    const target = articles.find((a) => a.id === targetId);
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const examples = mergeExamples(
        target.examples,
        gap.questions.map((q) => q.text),
      );
      const { title, topic, answer } = target;
      onAddedToArticle(await updateArticle(target.id, { title, topic, answer, examples }, target.version));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="gap-card" data-testid="gap-card" data-gap={gap.id}>
      <header className="gap-card-header">
        <span className="gap-count" data-testid="gap-count" title="Questions in this group">
          {gap.count}×
        </span>
        <h3 data-testid="gap-title">{gap.typicalQuestion}</h3>
        {gap.topic && <span className="tag tag-topic">{gap.topic}</span>}
        <span className="muted small">last asked {formatDateTime(gap.lastAskedAt)}</span>
      </header>
      <div className="gap-card-body">
        <section>
          <h4>Customers asked</h4>
          <ul className="gap-questions">
            {questions.map((q) => (
              <li key={`${q.conversationId}:${q.text}`}>
                {q.text}{' '}
                <span className="muted small">
                  {q.source === 'corrected' ? 'corrected' : 'low confidence'}
                </span>
              </li>
            ))}
          </ul>
          {gap.questions.length > QUESTIONS_SHOWN && (
            <button type="button" className="link-button kb-more" onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Show fewer' : `Show all ${gap.questions.length}`}
            </button>
          )}
        </section>
        <section>
          <h4>Agents answered</h4>
          {gap.agentAnswers.length === 0 ? (
            <p className="muted small">No agent answer yet.</p>
          ) : (
            <ul className="gap-answers" data-testid="gap-answers">
              {gap.agentAnswers.map((a) => (
                <li key={a.text}>
                  <span className="gap-answer-count">{a.count}×</span> {a.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {editable && (
        <footer className="gap-card-actions">
          <button
            type="button"
            className="btn btn-primary btn-small"
            data-testid="gap-create"
            onClick={() => onCreateArticle(gap)}
          >
            New article from this group
          </button>
          <span className="muted small">or add the questions to</span>
          <select
            aria-label="Article to add the questions to"
            data-testid="gap-target"
            value={targetId}
            onChange={(e) => setTargetId(e.target.value)}
          >
            <option value="">an existing article…</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            data-testid="gap-add"
            disabled={!targetId || busy}
            onClick={() => void addToArticle()}
          >
            Add {gap.questions.length} question{gap.questions.length === 1 ? '' : 's'}
          </button>
        </footer>
      )}
      {error && <p className="banner banner-error">{error}</p>}
    </article>
  );
}
