/**
 * A secret shown once (a set-password link, an API token) with a copy button: the page never shows it again, so the
 * text says so, and the value sits in a read-only field the user can also select by hand.
 *
 * @example
 * <OneTimeLink label="Set-password link for Bo" value={url} note="Valid until 6 Dec, 14:00. Works once." />
 */
import { useState } from 'react';

export function OneTimeLink({
  label,
  value,
  note,
  onDismiss,
}: {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  readonly onDismiss?: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="card notice notice--success" aria-label={label}>
      <p>
        <strong>{label}</strong> — shown only now: copy it and give it to its user in person or over a secure channel.
      </p>
      <div className="form-row">
        <input
          className="input"
          readOnly
          aria-label={label}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, fontFamily: 'monospace' }}
        />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        {onDismiss && (
          <button type="button" className="button" onClick={onDismiss}>
            Done
          </button>
        )}
      </div>
      {copied === 'failed' && <p role="alert">The browser refused to copy; select the text and copy it by hand.</p>}
      {note && <p className="field__hint">{note}</p>}
    </section>
  );
}
