import type { Message } from '@hitl/shared/models';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { formatTime } from '../lib/format';

type Props = {
  message: Message;
  onRetry: (message: Message) => Promise<void>;
};

/** Under a reply sent by e-mail: to whom, and whether it went out; a failed one can be sent again. */
export function EmailDeliveryLine({ message, onRetry }: Props) {
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { email } = message;
  if (!email) return null;

  const retry = async () => {
    setRetrying(true);
    setError(null);
    try {
      await onRetry(message);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setRetrying(false);
    }
  };

  return (
    <div
      className={`email-delivery email-${email.status}`}
      data-testid="email-delivery"
      data-status={email.status}
    >
      {email.status === 'sent' && (
        <span>
          E-mailed to {email.to}
          {email.sentAt ? ` at ${formatTime(email.sentAt)}` : ''}
        </span>
      )}
      {email.status === 'pending' && <span>Sending to {email.to}…</span>}
      {email.status === 'failed' && (
        <>
          <span>
            Not sent to {email.to}: {email.error ?? 'the mail server did not take it'}
          </span>
          <button
            type="button"
            className="link-button"
            data-testid="email-retry"
            disabled={retrying}
            onClick={() => void retry()}
          >
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        </>
      )}
      {error && email.status !== 'sent' && <span className="email-retry-error">{error}</span>}
    </div>
  );
}
