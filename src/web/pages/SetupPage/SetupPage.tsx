/**
 * First run (DESIGN 3.1): create the administrator account (roles admin and clinician) while Cairn has no user.
 * Once anyone exists the server answers 409 and the page sends the visitor to sign in.
 *
 * @example
 * { path: '/setup', element: <SetupPage /> }
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client.js';
import { setupFirstAdmin } from '../../api/auth-api.js';
import { AuthLayout } from '../../components/AuthLayout/AuthLayout.js';

const MIN_PASSWORD = 12;

export function SetupPage() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const setup = useMutation({
    mutationFn: setupFirstAdmin,
    onSuccess: (user) => void navigate('/sign-in', { replace: true, state: { email: user.email, created: true } }),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) return setProblem(`The password needs at least ${MIN_PASSWORD} characters.`);
    if (password !== confirm) return setProblem('The two passwords differ.');
    setProblem(null);
    setup.mutate({ name: name.trim(), email: email.trim(), password });
  };

  const alreadySetUp = setup.error instanceof ApiError && setup.error.status === 409;

  return (
    <AuthLayout title="Set up Cairn">
      <p className="muted">
        Create the first account. It can manage users and settings (admin) and see clients (clinician). You will set up
        an authenticator app when you first sign in.
      </p>
      {alreadySetUp ? (
        <p className="notice notice--info" role="status">
          Cairn is already set up. <Link to="/sign-in">Sign in</Link> instead.
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="setup-name">
              Your name
            </label>
            <input
              id="setup-name"
              className="input"
              autoComplete="name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="setup-email">
              E-mail
            </label>
            <input
              id="setup-email"
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="setup-password">
              Password
            </label>
            <p className="field__hint" id="setup-password-hint">
              At least {MIN_PASSWORD} characters; a few unrelated words make a strong one.
            </p>
            <input
              id="setup-password"
              className="input"
              type="password"
              autoComplete="new-password"
              aria-describedby="setup-password-hint"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="setup-confirm">
              Password again
            </label>
            <input
              id="setup-confirm"
              className="input"
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          </div>
          {(problem || setup.error) && (
            <p className="notice notice--error" role="alert">
              {problem ?? errorMessage(setup.error)}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={setup.isPending}>
            {setup.isPending ? 'Creating…' : 'Create the administrator'}
          </button>
        </form>
      )}
      <p className="auth__foot">
        Already set up? <Link to="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
