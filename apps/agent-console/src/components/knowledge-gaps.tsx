import type { KnowledgeArticle, KnowledgeGap } from '@hitl/shared/knowledge';
import { useState } from 'react';
import { fetchKnowledgeGaps } from '../api/knowledge';
import { useRemote } from '../hooks/use-remote';
import { GapCard } from './gap-card';

const periods = [7, 30, 90] as const;

type Props = {
  articles: KnowledgeArticle[];
  editable: boolean;
  onCreateArticle: (gap: KnowledgeGap) => void;
  onArticleChanged: (article: KnowledgeArticle) => void;
};

/** Questions no article answers well, grouped by similarity, most frequent first. */
export function KnowledgeGaps({ articles, editable, onCreateArticle, onArticleChanged }: Props) {
  const [days, setDays] = useState<number>(30);
  const [added, setAdded] = useState<string | null>(null);
  const gaps = useRemote(() => fetchKnowledgeGaps(days), String(days), null);

  return (
    <section className="kb-gaps" data-testid="kb-gaps">
      <div className="page-header">
        <p className="muted small">
          Customer questions the bot escalated for low confidence, or whose answer an agent corrected, grouped
          when alike. Questions that became examples of an active article are left out.
        </p>
        <div className="topbar-spacer" />
        <div className="segmented" role="tablist" aria-label="Period">
          {periods.map((period) => (
            <button
              key={period}
              type="button"
              role="tab"
              aria-selected={days === period}
              data-testid={`gaps-days-${period}`}
              className={days === period ? 'active' : undefined}
              onClick={() => setDays(period)}
            >
              {period} days
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={gaps.reload}
          disabled={gaps.loading}
        >
          Refresh
        </button>
      </div>
      {added && (
        <p className="banner banner-info" data-testid="gaps-added">
          {added}
        </p>
      )}
      {gaps.error && <p className="banner banner-error">{gaps.error}</p>}
      {gaps.data && (
        <p className="muted small" data-testid="gaps-summary">
          {gaps.data.gaps.length} group{gaps.data.gaps.length === 1 ? '' : 's'} from {gaps.data.scanned}{' '}
          question
          {gaps.data.scanned === 1 ? '' : 's'} looked at.
        </p>
      )}
      {gaps.data?.gaps.length === 0 && <p className="muted">No knowledge gaps in this period.</p>}
      <div className="gap-list">
        {gaps.data?.gaps.map((gap) => (
          <GapCard
            key={gap.id}
            gap={gap}
            articles={articles}
            editable={editable}
            onCreateArticle={onCreateArticle}
            onAddedToArticle={(article) => {
              setAdded(`Added to “${article.title}”: the bot answers these questions from it now.`);
              onArticleChanged(article);
              gaps.reload();
            }}
          />
        ))}
      </div>
    </section>
  );
}
