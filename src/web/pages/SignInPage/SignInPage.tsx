/**
 * Sign-in (DESIGN 2.8): e-mail and password, then what the session asks for — the authenticator's code (or a
 * one-time recovery code), or, at the first sign-in, enrolling an authenticator: the otpauth URI and the secret to
 * add to the app, then a first code to confirm it, then the recovery codes, shown once. The step comes from the server
 * (`stage` of `GET /me`), so a reload resumes where the sign-in stands.
 *
 * @example
 * { path: '/sign-in', element: <SignInPage /> }
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client.js';
import { type Enrolment, enrolTotp, login, type TotpAnswer, verifyTotp } from '../../api/auth-api.js';
import { AuthLayout } from '../../components/AuthLayout/AuthLayout.js';
import { QrCode } from '../../components/QrCode/QrCode.js';
import { ME_KEY, useMe } from '../../session/session.js';

interface SignInState {
  readonly from?: string;
  readonly email?: string;
  readonly created?: boolean;
  /** Arrived from the set-password page. */
  readonly passwordSet?: boolean;
  readonly signedOut?: boolean;
  readonly ended?: string;
}

export function SignInPage() {
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const me = useMe();

  if (me.isPending) return <p className="page-loading">Loading…</p>;
  if (me.data?.stage === 'complete') {
    const to = state.from && state.from !== '/sign-in' ? state.from : '/';
    return <Navigate to={to} replace />;
  }
  if (me.data?.stage === 'totp-required') return <SecondFactorStep />;
  if (me.data?.stage === 'totp-enrolment-required') return <EnrolmentStep />;
  const unreachable = me.error instanceof ApiError && me.error.status === 0 ? me.error.message : null;
  return <PasswordStep state={state} unreachable={unreachable} />;
}

function PasswordStep({ state, unreachable }: { readonly state: SignInState; readonly unreachable: string | null }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: login,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };
  const ended = state.ended && /ended/i.test(state.ended) ? state.ended : null;
  const locked = signIn.error instanceof ApiError && signIn.error.status === 429;

  return (
    <AuthLayout title="Sign in">
      {state.created && (
        <p className="notice notice--success" role="status">
          The administrator account is ready. Sign in to set up your authenticator.
        </p>
      )}
      {state.passwordSet && (
        <p className="notice notice--success" role="status">
          Your password is set. Sign in with it.
        </p>
      )}
      {state.signedOut && (
        <p className="notice notice--info" role="status">
          You are signed out.
        </p>
      )}
      {ended && (
        <p className="notice notice--info" role="status">
          {ended}
        </p>
      )}
      {unreachable && (
        <p className="notice notice--error" role="alert">
          {unreachable}
        </p>
      )}
      <form className="form" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor="sign-in-email">
            E-mail
          </label>
          <input
            id="sign-in-email"
            className="input"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="sign-in-password">
            Password
          </label>
          <input
            id="sign-in-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {signIn.error && (
          <p className="notice notice--error" role="alert">
            {locked && signIn.error instanceof ApiError && signIn.error.retryAfterSeconds
              ? `${signIn.error.message} (about ${Math.ceil(signIn.error.retryAfterSeconds / 60)} min)`
              : errorMessage(signIn.error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth__foot">
        First time running Cairn? <Link to="/setup">Create the administrator account</Link>
      </p>
    </AuthLayout>
  );
}

function CodeForm({
  submitLabel,
  onVerified,
}: {
  readonly submitLabel: string;
  /** Takes over after a good code (the enrolment shows the recovery codes first); default: go on signed in. */
  readonly onVerified?: (answer: TotpAnswer) => void;
}) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const verify = useMutation({
    mutationFn: verifyTotp,
    onSuccess: (answer) => {
      if (onVerified) {
        onVerified(answer);
        return;
      }
      return queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate({ code: recovery ? code.trim() : code.replace(/\s+/g, '') });
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor="totp-code">
          {recovery ? 'Recovery code' : '6-digit code from your authenticator app'}
        </label>
        <input
          id="totp-code"
          className={recovery ? 'input' : 'input input--code'}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          pattern={recovery ? undefined : '[0-9 ]*'}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      {verify.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(verify.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : submitLabel}
        </button>
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
          }}
        >
          {recovery ? 'Use the authenticator code' : 'Use a recovery code instead'}
        </button>
      </div>
    </form>
  );
}

function SecondFactorStep() {
  return (
    <AuthLayout title="Second factor">
      <p className="muted">Open your authenticator app and enter the current code for Cairn.</p>
      <CodeForm submitLabel="Verify" />
    </AuthLayout>
  );
}

function EnrolmentStep() {
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const start = useMutation({ mutationFn: enrolTotp, onSuccess: (e) => setEnrolment(e) });

  if (recoveryCodes) {
    return (
      <AuthLayout title="Keep your recovery codes" wide>
        <p className="notice notice--success" role="status">
          The authenticator is set up.
        </p>
        <p>
          Each code signs you in once if you lose your phone. Store them somewhere safe (a password manager or on
          paper): they will not be shown again.
        </p>
        <ul className="recovery-codes" data-testid="recovery-codes">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <label className="checkbox">
          <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
          <span>I have stored the recovery codes.</span>
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={!saved}
          onClick={() => void queryClient.invalidateQueries({ queryKey: ME_KEY })}
        >
          Continue
        </button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Set up your authenticator" wide>
      {!enrolment ? (
        <>
          <p>
            Cairn asks for a second factor at every sign-in: a 6-digit code from an authenticator app on your phone (for
            example FreeOTP, Aegis, Google Authenticator or 1Password).
          </p>
          {start.error && (
            <p className="notice notice--error" role="alert">
              {errorMessage(start.error)}
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => start.mutate()}
            disabled={start.isPending}
          >
            {start.isPending ? 'Preparing…' : 'Set up the authenticator'}
          </button>
        </>
      ) : (
        <>
          <h2>1. Add Cairn to your app</h2>
          <p>
            In the app, scan this QR code, or add an account with the setup key below (or open the link on the phone
            that runs the app). They are shown only now.
          </p>
          <QrCode value={enrolment.otpauthUri} label="QR code of the setup key, to scan with your authenticator app" />
          <p className="field__label">Setup key</p>
          <p className="secret" data-testid="totp-secret">
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
          <p className="field__label">otpauth link</p>
          <p className="secret" data-testid="otpauth-uri">
            <a href={enrolment.otpauthUri}>{enrolment.otpauthUri}</a>
          </p>
          <h2 style={{ marginTop: '1.25rem' }}>2. Confirm with a code</h2>
          <CodeForm
            submitLabel="Confirm"
            onVerified={(answer) => {
              if (answer.recoveryCodes && answer.recoveryCodes.length > 0) setRecoveryCodes(answer.recoveryCodes);
              else void queryClient.invalidateQueries({ queryKey: ME_KEY });
            }}
          />
        </>
      )}
    </AuthLayout>
  );
}
