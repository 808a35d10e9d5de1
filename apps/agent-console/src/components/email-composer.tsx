import { type FormEvent, useState } from 'react';
import { ApiRequestError, errorMessage } from '../api/api-error';

type Props = {
  /** The address the customer left. */
  to: string;
  /** Why the agent cannot send an e-mail now (not configured, another agent's chat); null when they can. */
  disabledReason: string | null;
  onSend: (text: string) => Promise<void>;
};

/** Writes a reply that goes out by e-mail to the address the customer left. */
export function EmailComposer({ to, disabledReason, onSend }: Props) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const enabled = disabledReason === null;
  const canSend = enabled && !sending && text.trim().length > 0;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const draft = text.trim();
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      await onSend(draft);
      setText('');
    } catch (failure) {
      // A refused send is stored (failed, with a retry in the transcript); anything else keeps the text.
      if (failure instanceof ApiRequestError && failure.code === 'email_failed') setText('');
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className={enabled ? 'composer' : 'composer composer-disabled'}
      data-testid="email-composer"
      onSubmit={(event) => void onSubmit(event)}
    >
      {error && (
        <p className="banner banner-error" role="alert" data-testid="email-error">
          {error}
        </p>
      )}
      <p className="composer-to muted">
        To <span data-testid="email-to">{to}</span>, with the conversation quoted below the reply
      </p>
      <div className="composer-row">
        <textarea
          data-testid="email-input"
          rows={4}
          disabled={!enabled}
          placeholder={enabled ? 'Write the e-mail reply' : (disabledReason ?? '')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button data-testid="email-send" type="submit" className="btn btn-primary" disabled={!canSend}>
          {sending ? 'Sending…' : 'Send e-mail'}
        </button>
      </div>
    </form>
  );
}
