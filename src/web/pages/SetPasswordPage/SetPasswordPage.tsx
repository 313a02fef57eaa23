/**
 * Choosing a password through a one-time link (DESIGN 2.8 staff lifecycle): an administrator's invitation or reset
 * hands out `…/set-password#token=…`. The token sits in the fragment, which the browser never sends to a server, and
 * the page removes it from the address bar once read. After the password is set the user signs in as usual (and
 * enrols an authenticator when the practice requires one).
 *
 * @example
 * { path: '/set-password', element: <SetPasswordPage /> }
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client.js';
import { setPassword } from '../../api/auth-api.js';
import { AuthLayout } from '../../components/AuthLayout/AuthLayout.js';

const MIN_PASSWORD = 12;

/** The token of `#token=…`, read once; the fragment is then cleared so it does not linger in history. */
function readTokenOnce(): string | null {
  const token = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (token && typeof window.history.replaceState === 'function') {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return token;
}

export function SetPasswordPage() {
  const navigate = useNavigate();
  const [token] = useState(readTokenOnce);
  const [password, setPasswordText] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: setPassword,
    onSuccess: () => void navigate('/sign-in', { replace: true, state: { passwordSet: true } }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!token) return;
    if (password.length < MIN_PASSWORD) return setProblem(`The password needs at least ${MIN_PASSWORD} characters.`);
    if (password !== confirm) return setProblem('The two passwords differ.');
    setProblem(null);
    save.mutate({ token, password });
  };

  const linkDead = save.error instanceof ApiError && save.error.code === 'invalid-link';

  return (
    <AuthLayout title="Choose your password">
      {!token || linkDead ? (
        <p className="notice notice--error" role="alert">
          {linkDead
            ? errorMessage(save.error)
            : 'This page needs the link an administrator gave you (it ends in #token=…). Open that link again.'}
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="sp-password">
              New password
            </label>
            <p className="field__hint" id="sp-password-hint">
              At least {MIN_PASSWORD} characters; a few unrelated words make a strong one. The link works once.
            </p>
            <input
              id="sp-password"
              className="input"
              type="password"
              autoComplete="new-password"
              aria-describedby="sp-password-hint"
              required
              value={password}
              onChange={(e) => setPasswordText(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="sp-confirm">
              Password again
            </label>
            <input
              id="sp-confirm"
              className="input"
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          </div>
          {(problem || save.error) && (
            <p className="notice notice--error" role="alert">
              {problem ?? errorMessage(save.error)}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Set the password'}
          </button>
        </form>
      )}
      <p className="auth__foot">
        Already have a password? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
