import type { ImportResult, KnowledgeFormat } from '@hitl/shared/knowledge';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { importKnowledge } from '../api/knowledge';

const formatByExtension: Record<string, KnowledgeFormat> = {
  json: 'json',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
};

type Props = { onImported: () => void; onClose: () => void };
type Chosen = { name: string; text: string; format: KnowledgeFormat };

/** Pick a file, see what it would create, update or leave alone (and every problem), then confirm. */
export function KnowledgeImport({ onImported, onClose }: Props) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setDone(null);
    setError(null);
    if (!file) return;
    const format = formatByExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
    if (!format) {
      setChosen(null);
      setError('Choose a .json, .csv or .md file.');
      return;
    }
    const next = { name: file.name, text: await file.text(), format };
    setChosen(next);
    await check(next);
  };

  const check = async (file: Chosen) => {
    setBusy(true);
    try {
      setPreview(await importKnowledge(file.text, file.format, true));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await importKnowledge(chosen.text, chosen.format, false));
      setPreview(null);
      onImported();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const changes = preview ? preview.created + preview.updated : 0;
  return (
    <section className="kb-import" data-testid="kb-import" aria-label="Import articles">
      <div className="page-header">
        <h3>Import articles</h3>
        <span className="muted small">JSON (the knowledge-base file), CSV or Markdown — all or nothing</span>
        <div className="topbar-spacer" />
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <input
        type="file"
        accept=".json,.csv,.md,.markdown"
        data-testid="kb-import-file"
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      {error && <p className="banner banner-error">{error}</p>}
      {preview && chosen && (
        <div className="kb-import-preview" data-testid="kb-import-preview">
          <p>
            <strong>{chosen.name}</strong>: {preview.created} to create, {preview.updated} to update,{' '}
            {preview.unchanged} unchanged.
          </p>
          {preview.problems.length > 0 ? (
            <div className="banner banner-error" data-testid="kb-import-problems">
              Nothing can be imported until{' '}
              {preview.problems.length === 1
                ? 'this problem is'
                : `these ${preview.problems.length} problems are`}{' '}
              fixed:
              <ul>
                {preview.problems.map((problem) => (
                  <li key={`${problem.where}:${problem.message}`}>
                    <strong>{problem.where}</strong>: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ul className="kb-import-items">
              {preview.items
                .filter((item) => item.action !== 'unchanged')
                .map((item) => (
                  <li key={item.id}>
                    <span className={`tag tag-${item.action}`}>{item.action}</span> {item.title}{' '}
                    <span className="muted mono small">{item.id}</span>
                  </li>
                ))}
            </ul>
          )}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="kb-import-confirm"
            disabled={busy || preview.problems.length > 0 || changes === 0}
            onClick={() => void confirm()}
          >
            {changes === 0 ? 'Nothing to import' : `Import ${changes} article${changes === 1 ? '' : 's'}`}
          </button>
        </div>
      )}
      {done && (
        <p className="banner banner-info" data-testid="kb-import-done">
          Imported: {done.created} created, {done.updated} updated, {done.unchanged} unchanged. The bot
          answers from them now.
        </p>
      )}
    </section>
  );
}
