/**
 * Practice settings (DESIGN 2.10): name and time zone (due dates and "week N" are in it), review interval, the
 * second-factor policy, the no-measure alert, signatures required, note format, and the crisis text shown to clients.
 *
 * @example
 * { path: 'settings', lazy: () => import('./pages/SettingsPage/SettingsPage.js') }
 */
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/api-client.js';
import { type Practice, usePracticeSettings, useUpdateSettings } from '../../api/staff-api.js';

export function SettingsPage() {
  const settings = usePracticeSettings();
  if (settings.isPending) return <p className="page-loading">Loading…</p>;
  if (settings.isError) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(settings.error)}
      </p>
    );
  }
  return <SettingsForm practice={settings.data} />;
}

function SettingsForm({ practice }: { readonly practice: Practice }) {
  const update = useUpdateSettings();
  const [form, setForm] = useState(() => ({ name: practice.name, timeZone: practice.timeZone, ...practice.settings }));
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setSaved(false);
    setForm({ ...form, [key]: value });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { name, timeZone, ...settings } = form;
    update.mutate({ name, timeZone, settings }, { onSuccess: () => setSaved(true) });
  };
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <form className="card form" onSubmit={onSubmit}>
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor="st-name">
              Practice name
            </label>
            <input id="st-name" className="input" value={form.name} onChange={(e) => set('name', e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="st-zone">
              Time zone
            </label>
            <input
              id="st-zone"
              className="input"
              placeholder="Europe/London"
              value={form.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            />
          </div>
        </div>
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor="st-review">
              Review interval (days)
            </label>
            <input
              id="st-review"
              className="input"
              inputMode="numeric"
              value={form.reviewIntervalDays}
              onChange={(e) => set('reviewIntervalDays', Number(e.target.value) || 0)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="st-nomeasure">
              Alert after weeks without a measure
            </label>
            <input
              id="st-nomeasure"
              className="input"
              inputMode="numeric"
              value={form.noMeasureAlertWeeks}
              onChange={(e) => set('noMeasureAlertWeeks', Number(e.target.value) || 0)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="st-notes">
              Progress note format
            </label>
            <select
              id="st-notes"
              className="select"
              value={form.noteFormat}
              onChange={(e) => set('noteFormat', e.target.value as 'dap' | 'soap')}
            >
              <option value="dap">DAP</option>
              <option value="soap">SOAP</option>
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.mfaRequired} onChange={(e) => set('mfaRequired', e.target.checked)} />
          <span>
            Require a second factor (authenticator app) for every staff account
            <span className="field__hint"> — strongly recommended; relaxing it shows a notice to everyone</span>
          </span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.supervisorCosignRequired}
            onChange={(e) => set('supervisorCosignRequired', e.target.checked)}
          />
          <span>Plans need a supervisor's co-signature</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.clientSignatureRequired}
            onChange={(e) => set('clientSignatureRequired', e.target.checked)}
          />
          <span>Plans need the client's (or guardian's) signature</span>
        </label>
        <div className="field">
          <label className="field__label" htmlFor="st-crisis">
            Crisis-support text shown to clients
          </label>
          <textarea
            id="st-crisis"
            className="textarea"
            rows={3}
            maxLength={2000}
            value={form.crisisText}
            onChange={(e) => set('crisisText', e.target.value)}
          />
        </div>
        {update.error && (
          <p className="notice notice--error" role="alert">
            {errorMessage(update.error)}
          </p>
        )}
        {saved && (
          <p className="notice notice--success" role="status">
            Saved.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </div>
  );
}
