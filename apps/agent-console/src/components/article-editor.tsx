import type { KnowledgeArticle } from '@hitl/shared/knowledge';
import { articleTopics } from '@hitl/shared/topics';
import { useState } from 'react';
import { ApiRequestError, errorMessage } from '../api/api-error';
import { changeArticleStatus, createArticle, fetchArticle, updateArticle } from '../api/knowledge';
import {
  type ArticleDraft,
  type DraftErrors,
  draftOf,
  isDraftChanged,
  validateDraft,
} from '../lib/article-form';
import { formatDateTime } from '../lib/format';
import { ExampleQuestionsField } from './example-questions-field';

type Props = {
  /** Null for a new article. */
  article: KnowledgeArticle | null;
  initial: ArticleDraft;
  editable: boolean;
  onSaved: (article: KnowledgeArticle) => void;
};

type Failure = { message: string; conflict: boolean };

/** Title, topic, answer and example questions of one article; saved over the version it was read at. */
export function ArticleEditor({ article, initial, editable, onSaved }: Props) {
  const [base, setBase] = useState(article);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const isNew = base === null;
  const set = <K extends keyof ArticleDraft>(key: K, value: ArticleDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(null);
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const run = async (task: () => Promise<KnowledgeArticle>, done: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const next = await task();
      setBase(next);
      setDraft(draftOf(next));
      setSaved(done);
      onSaved(next);
    } catch (error) {
      setFailure({
        message: errorMessage(error),
        conflict: error instanceof ApiRequestError && error.code === 'conflict' && !isNew,
      });
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const { content, errors: found } = validateDraft(draft, isNew);
    setErrors(found);
    if (!content) return;
    void run(
      () => (base ? updateArticle(base.id, content, base.version) : createArticle(content)),
      isNew
        ? 'Article created: the bot answers from it now.'
        : 'Saved: the bot answers from this version now.',
    );
  };

  /** After a 409: their version, dropping my edits, or mine, written over theirs on the next save. */
  const resolve = async (keepMine: boolean) => {
    if (!base) return;
    try {
      const latest = await fetchArticle(base.id);
      setBase(latest);
      if (!keepMine) setDraft(draftOf(latest));
      setFailure(null);
    } catch (error) {
      setFailure({ message: errorMessage(error), conflict: false });
    }
  };

  const retired = base?.status === 'retired';
  return (
    <section className="kb-editor" data-testid="kb-editor" data-id={base?.id ?? ''}>
      <div className="page-header">
        <h2>{isNew ? 'New article' : base.title}</h2>
        {base && (
          <span className="muted small" data-testid="kb-editor-version">
            {base.id} · version {base.version} · {retired ? 'retired' : 'active'} · updated{' '}
            {formatDateTime(base.updatedAt)} by {base.updatedBy?.name ?? 'the knowledge-base file'}
          </span>
        )}
      </div>
      {failure && (
        <div className="banner banner-error kb-failure" role="alert" data-testid="kb-editor-error">
          <span>{failure.message}</span>
          {failure.conflict && (
            <span className="kb-failure-actions">
              <button
                type="button"
                className="btn btn-small"
                data-testid="kb-conflict-load"
                onClick={() => void resolve(false)}
              >
                Load their version
              </button>
              <button
                type="button"
                className="btn btn-small"
                data-testid="kb-conflict-keep"
                onClick={() => void resolve(true)}
              >
                Keep my edits
              </button>
            </span>
          )}
        </div>
      )}
      {saved && (
        <p className="banner banner-info" data-testid="kb-editor-saved">
          {saved}
        </p>
      )}
      <div className="kb-form">
        {isNew && (
          <label className="field">
            <span>Id (optional: made from the title)</span>
            <input
              type="text"
              data-testid="kb-id"
              value={draft.id}
              disabled={!editable}
              placeholder="gift-wrapping"
              onChange={(e) => set('id', e.target.value)}
            />
            {errors.id && <span className="field-error">{errors.id}</span>}
          </label>
        )}
        <div className="kb-form-row">
          <label className="field kb-title">
            <span>Title</span>
            <input
              type="text"
              data-testid="kb-title"
              value={draft.title}
              disabled={!editable}
              onChange={(e) => set('title', e.target.value)}
            />
            {errors.title && <span className="field-error">{errors.title}</span>}
          </label>
          <label className="field">
            <span>Topic</span>
            <select
              data-testid="kb-topic"
              value={draft.topic}
              disabled={!editable}
              onChange={(e) => set('topic', e.target.value as ArticleDraft['topic'])}
            >
              <option value="">Choose…</option>
              {articleTopics.map((topic) => (
                <option key={topic} value={topic}>
                  {topic}
                </option>
              ))}
            </select>
            {errors.topic && <span className="field-error">{errors.topic}</span>}
          </label>
        </div>
        <label className="field">
          <span>Answer (what the bot replies)</span>
          <textarea
            rows={5}
            data-testid="kb-answer"
            value={draft.answer}
            disabled={!editable}
            onChange={(e) => set('answer', e.target.value)}
          />
          {errors.answer && <span className="field-error">{errors.answer}</span>}
        </label>
        <ExampleQuestionsField
          examples={draft.examples}
          editable={editable}
          error={errors.examples}
          onChange={(examples) => set('examples', examples)}
        />
      </div>
      {editable && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="kb-save"
            disabled={busy || (!isNew && !isDraftChanged(draft, base))}
            onClick={save}
          >
            {isNew ? 'Create article' : 'Save'}
          </button>
          {base && (
            <button
              type="button"
              className={retired ? 'btn' : 'btn btn-danger'}
              data-testid={retired ? 'kb-restore' : 'kb-retire'}
              disabled={busy}
              onClick={() =>
                void run(
                  () => changeArticleStatus(base.id, retired ? 'restore' : 'retire', base.version),
                  retired
                    ? 'Restored: the bot answers from it again.'
                    : 'Retired: kept here, never answered from.',
                )
              }
            >
              {retired ? 'Restore' : 'Retire'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
