import { type FormEvent, useState } from 'react';
import { ApiRequestError, errorMessage } from '../api/api-error';
import type { FieldErrors } from '../lib/rule-form';
import { fromSiteKeyDraft, type SiteKeyDraft, siteKeyFieldErrors } from '../lib/site-key-form';
import { describedBy, FieldError } from './field-error';

type Props = {
  draft: SiteKeyDraft;
  /** A new key: its key can be typed; an existing one's never changes (pages embed it). */
  isNew: boolean;
  onSave: (value: { key: string; name: string; greeting: string; origins: string[] }) => Promise<void>;
  onDelete?: () => Promise<void>;
};

/** One site key's display name, greeting and allowed origins, saved on its own. */
export function SiteKeyCard({ draft: initial, isNew, onSave, onDelete }: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const base = `site-${isNew ? 'new' : initial.key}`;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      const mapped = failure instanceof ApiRequestError ? siteKeyFieldErrors(failure.issues) : {};
      setErrors(mapped);
      setError(
        Object.keys(mapped).length > 0 ? 'The server refused it; nothing was saved.' : errorMessage(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = fromSiteKeyDraft(draft);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) return setError('Nothing was saved: fix the marked fields.');
    void run(async () => {
      await onSave(result.value);
      setSaved(true);
    });
  };

  const field = (name: keyof SiteKeyDraft, label: string, hint?: string, rows?: number) => {
    const id = `${base}-${name}`;
    const hintId = hint ? `${id}-hint` : undefined;
    const props = {
      id,
      'data-testid': `${base}-${name}`,
      value: draft[name],
      'aria-invalid': errors[name] ? true : undefined,
      'aria-describedby': describedBy(id, errors[name], hintId),
    } as const;
    return (
      <div className={`field site-key-field-${name}`}>
        <label htmlFor={id}>{label}</label>
        {rows ? (
          <textarea {...props} rows={rows} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
        ) : (
          <input {...props} type="text" onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
        )}
        {hint && (
          <small className="muted" id={hintId}>
            {hint}
          </small>
        )}
        <FieldError fieldId={id} message={errors[name]} />
      </div>
    );
  };

  return (
    <form
      className="site-key-card"
      data-testid="site-key-card"
      data-site-key={initial.key}
      noValidate
      onSubmit={submit}
    >
      <fieldset disabled={busy}>
        <legend className="mono">{isNew ? 'New site key' : initial.key}</legend>
        <div className="site-key-grid">
          {isNew && field('key', 'Key', 'What pages put in data-site-key.')}
          {field('name', 'Display name', 'Shown in the widget’s header.')}
          {field('greeting', 'Greeting', 'The widget’s first bubble.', 3)}
          {field(
            'origins',
            'Allowed origins',
            'One per line, as https://shop.example or http://localhost:8080; self is this server, * any page.',
            3,
          )}
        </div>
        <div className="settings-actions">
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {saved && (
            <span className="settings-saved" role="status">
              Saved
            </span>
          )}
          {onDelete && (
            <button type="button" className="btn btn-ghost" onClick={() => void run(onDelete)}>
              Delete
            </button>
          )}
          <button type="submit" className="btn btn-primary" data-testid={`${base}-save`}>
            {isNew ? 'Add site key' : 'Save'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
