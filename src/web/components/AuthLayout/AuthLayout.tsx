/**
 * The centred panel of the pages before sign-in (setup, sign-in, second factor, enrolment).
 *
 * @example
 * <AuthLayout title="Sign in">…</AuthLayout>
 */
import type { ReactNode } from 'react';

export function AuthLayout({
  title,
  wide = false,
  children,
}: {
  readonly title: string;
  readonly wide?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <main className="auth">
      <div className={`auth__panel${wide ? ' auth__panel--wide' : ''}`}>
        <div className="auth__brand">
          <svg viewBox="0 0 32 32" width="30" height="30" aria-hidden="true" focusable="false">
            <ellipse cx="16" cy="26" rx="12" ry="4" fill="#0f766e" />
            <ellipse cx="16" cy="18" rx="9" ry="3.5" fill="#138a80" />
            <ellipse cx="16" cy="11" rx="6" ry="3" fill="#39a89c" />
            <ellipse cx="16" cy="5" rx="3.5" ry="2.2" fill="#75c3b9" />
          </svg>
          <strong className="brand__name">Cairn</strong>
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
