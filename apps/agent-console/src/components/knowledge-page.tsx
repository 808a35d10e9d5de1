import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import type { Agent } from '@hitl/shared/models';
import { useState } from 'react';
import { type ArticleStatusFilter, listArticles } from '../api/knowledge';
import { knowledgeGapsHref, knowledgeHref } from '../hooks/use-hash-route';
import { useRemote } from '../hooks/use-remote';
import { type ArticleDraft, draftFromGap, draftOf, emptyDraft } from '../lib/article-form';
import { ArticleEditor } from './article-editor';
import { ArticleList } from './article-list';
import { KnowledgeExport } from './knowledge-export';
import { KnowledgeGaps } from './knowledge-gaps';
import { KnowledgeImport } from './knowledge-import';
import './knowledge-page.css';
import { can } from '@hitl/shared/permissions';

type Selection =
  | { kind: 'none' }
  | { kind: 'article'; article: KnowledgeArticle }
  | { kind: 'new'; draft: ArticleDraft; key: number; fromGap: number | null };

type Props = {
  agent: Agent;
  view: 'articles' | 'gaps';
  onNavigate: (href: string) => void;
};

/** The knowledge base the bot answers from: every agent reads it; reviewers and admins change it. */
export function KnowledgePage({ agent, view, onNavigate }: Props) {
  const editable = can(agent.role, 'knowledge.edit');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ArticleStatusFilter>('active');
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const [importing, setImporting] = useState(false);
  const list = useRemote(() => listArticles(search, status), `${status}|${search}`, []);
  const active = useRemote(() => listArticles('', 'active'), 'active', []);
  const refresh = () => {
    list.reload();
    active.reload();
  };
  const startNew = (draft: ArticleDraft, fromGap: number | null = null) =>
    setSelection({ kind: 'new', draft, key: Date.now(), fromGap });

  return (
    <main className="kb-page" data-testid="knowledge-page">
      <div className="page-header">
        <h2>Knowledge base</h2>
        <nav className="segmented" aria-label="Knowledge views">
          <a
            href={knowledgeHref}
            data-testid="kb-tab-articles"
            className={view === 'articles' ? 'active' : undefined}
          >
            Articles
          </a>
          <a
            href={knowledgeGapsHref}
            data-testid="kb-tab-gaps"
            className={view === 'gaps' ? 'active' : undefined}
          >
            Gaps
          </a>
        </nav>
        <div className="topbar-spacer" />
        {editable && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="kb-new"
              onClick={() => {
                startNew(emptyDraft);
                onNavigate(knowledgeHref);
              }}
            >
              New article
            </button>
            <button
              type="button"
              className="btn"
              data-testid="kb-import-open"
              onClick={() => setImporting(!importing)}
            >
              Import…
            </button>
          </>
        )}
        <KnowledgeExport />
      </div>
      {!editable && (
        <p className="banner banner-info" data-testid="kb-readonly">
          Reviewers and admins edit the knowledge base; you can read it here.
        </p>
      )}
      {importing && <KnowledgeImport onImported={refresh} onClose={() => setImporting(false)} />}
      {view === 'gaps' ? (
        <KnowledgeGaps
          articles={active.data}
          editable={editable}
          onArticleChanged={refresh}
          onCreateArticle={(gap) => {
            startNew(draftFromGap(gap), gap.count);
            onNavigate(knowledgeHref);
          }}
        />
      ) : (
        <>
          {selection.kind === 'new' && selection.fromGap !== null && (
            <p className="banner banner-info" data-testid="kb-from-gap">
              Prefilled from a knowledge gap of {selection.fromGap} question
              {selection.fromGap === 1 ? '' : 's'}: edit anything before creating it.{' '}
              <a href={knowledgeGapsHref}>Back to the gaps</a>
            </p>
          )}
          <div className="kb-layout">
            <ArticleList
              articles={list.data}
              loading={list.loading}
              error={list.error}
              search={search}
              status={status}
              selectedId={selection.kind === 'article' ? selection.article.id : null}
              onSearch={setSearch}
              onStatus={setStatus}
              onSelect={(id) => {
                const article = list.data.find((a) => a.id === id);
                if (article) setSelection({ kind: 'article', article });
              }}
            />
            {selection.kind === 'none' ? (
              <section className="kb-editor kb-editor-empty">
                <p className="muted">Choose an article to read{editable ? ' or edit it' : ''}.</p>
              </section>
            ) : (
              <ArticleEditor
                key={
                  selection.kind === 'new'
                    ? `new-${selection.key}`
                    : `${selection.article.id}-${selection.article.version}`
                }
                article={selection.kind === 'article' ? selection.article : null}
                initial={selection.kind === 'new' ? selection.draft : draftOf(selection.article)}
                editable={editable}
                onSaved={() => refresh()}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}
