/**
 * Recording what was done about a kept alert (DESIGN 2.3, 2.10): the action from the fixed list and a note of what
 * was done and found. This is the only way a critical-item alert closes; the server records who and when.
 *
 * @example
 * <AcknowledgeAlertForm clientId={clientId} alertKey={alert.key} />
 */
import { type FormEvent, useId, useState } from 'react';
import { AlertAction } from '../../../domain/alerts/close-alert.js';
import { errorMessage } from '../../api/api-client.js';
import { useAcknowledgeAlert } from '../../api/clients-api.js';

const ACTION_WORDS: Readonly<Record<AlertAction, string>> = {
  'risk-assessed': 'Risk assessed (structured assessment, e.g. C-SSRS)',
  'safety-plan-updated': 'Safety plan made or reviewed',
  'client-contacted': 'Client contacted',
  escalated: 'Escalated (crisis team, emergency services, supervisor)',
  referred: 'Referred to another service',
  'item-clarified': 'Item clarified with the client',
  other: 'Other (describe in the note)',
};

export function AcknowledgeAlertForm({
  clientId,
  alertKey,
  onDone,
}: {
  readonly clientId: string;
  readonly alertKey: string;
  readonly onDone?: () => void;
}) {
  const id = useId();
  const [action, setAction] = useState<AlertAction>('risk-assessed');
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledgeAlert(clientId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    acknowledge.mutate({ alertKey, action, note: note.trim() }, { onSuccess: () => onDone?.() });
  };
  return (
    <form className="form ack-form" onSubmit={onSubmit} aria-label="Record what was done">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-action`}>
          What was done
        </label>
        <select
          id={`${id}-action`}
          className="select"
          value={action}
          onChange={(e) => setAction(e.target.value as AlertAction)}
        >
          {Object.values(AlertAction).map((a) => (
            <option key={a} value={a}>
              {ACTION_WORDS[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          Note: what was done and found
        </label>
        <textarea
          id={`${id}-note`}
          className="textarea"
          rows={3}
          required
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {acknowledge.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(acknowledge.error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={acknowledge.isPending || note.trim() === ''}>
          {acknowledge.isPending ? 'Recording…' : 'Record and close the alert'}
        </button>
      </div>
    </form>
  );
}
