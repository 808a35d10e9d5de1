import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { ArticleStatusFilter } from '../api/knowledge';

const statuses: readonly { id: ArticleStatusFilter; label: string }[] = [
  { id: 'active', label: 'Active' },
  { id: 'retired', label: 'Retired' },
  { id: 'any', label: 'All' },
];

type Props = {
  articles: KnowledgeArticle[];
  loading: boolean;
  error: string | null;
  search: string;
  status: ArticleStatusFilter;
  selectedId: string | null;
  onSearch: (search: string) => void;
  onStatus: (status: ArticleStatusFilter) => void;
  onSelect: (id: string) => void;
};

/** The articles matching the search and status, most recently changed first. */
export function ArticleList(props: Props) {
  const { articles, loading, error, search, status, selectedId } = props;
  return (
    <aside className="kb-list-panel">
      <input
        type="search"
        placeholder="Search titles, answers, questions…"
        aria-label="Search articles"
        data-testid="kb-search"
        value={search}
        onChange={(event) => props.onSearch(event.target.value)}
      />
      <div className="segmented" role="tablist" aria-label="Status">
        {statuses.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={status === id}
            data-testid={`kb-status-${id}`}
            className={status === id ? 'active' : undefined}
            onClick={() => props.onStatus(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {error && <p className="banner banner-error">{error}</p>}
      <ul className="kb-list" data-testid="kb-list" aria-busy={loading}>
        {articles.map((article) => (
          <li key={article.id}>
            <button
              type="button"
              data-testid="kb-row"
              data-id={article.id}
              className={article.id === selectedId ? 'kb-row selected' : 'kb-row'}
              onClick={() => props.onSelect(article.id)}
            >
              <span className="kb-row-title">{article.title}</span>
              <span className="kb-row-meta">
                <span className="tag tag-topic">{article.topic}</span>
                {article.status === 'retired' && <span className="tag tag-retired">retired</span>}
                <span className="muted small">
                  {article.examples.length} question{article.examples.length === 1 ? '' : 's'}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {!loading && articles.length === 0 && !error && (
        <p className="muted small kb-empty">No article matches.</p>
      )}
    </aside>
  );
}
