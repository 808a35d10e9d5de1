import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/api-error';

type Props = {
  notice: string | null;
  onSignIn: (email: string, password: string) => Promise<void>;
};

export function LoginScreen({ notice, onSignIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSignIn(email.trim(), password);
    } catch (failure) {
      setError(errorMessage(failure));
      setPending(false);
    }
  };

  return (
    <div className="login">
      <form className="login-card" onSubmit={submit}>
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true" />
          Support console
        </div>
        <h1>Sign in</h1>
        {notice && !error && <p className="banner banner-info">{notice}</p>}
        <label className="field">
          <span>Email</span>
          <input
            data-testid="login-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="banner banner-error" data-testid="login-error" role="alert">
            {error}
          </p>
        )}
        <button
          data-testid="login-submit"
          type="submit"
          className="btn btn-primary btn-block"
          disabled={pending}
        >
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
