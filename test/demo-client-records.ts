import {
  buildDepressionCase,
  buildPanicCase,
  buildPtsdCase,
  type DemoCase,
} from '../src/application/demo/demo-cases.js';
import type { ClientRecord } from '../src/exports/client-record.js';
import { getMeasure } from '../src/measures/registry.js';

/**
 * The demo practice's three clients as export input, deterministic (fixed date, counter ids) for snapshot tests of
 * documents without a database.
 *
 * @example
 * const { depression } = demoClientRecords();
 * clientRecordToFhirBundle(depression);
 */
export function demoClientRecords(): { depression: ClientRecord; panic: ClientRecord; ptsd: ClientRecord } {
  let n = 0;
  const newId = () => {
    n += 1;
    return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  };
  const input = {
    practiceId: 'practice-1',
    today: '2026-11-26',
    clinician: { id: 'clinician-1', name: 'Dr Alex Morgan', credentials: 'PhD, Licensed Psychologist' },
    newId,
    measure: (id: string) => {
      const m = getMeasure(id);
      if (!m) throw new Error(id);
      return m;
    },
    reviewIntervalDays: 90,
    signedAt: '2026-10-01T10:00:00.000Z',
  };
  const toRecord = (c: DemoCase): ClientRecord => ({
    practiceName: 'Cairn demo practice',
    generatedAt: '2026-11-26T12:00:00.000Z',
    client: c.client,
    diagnoses: [c.diagnosis],
    plan: c.plan,
    administrations: c.administrations,
    behaviors: c.behaviors,
    behaviorLogs: c.behaviorLogs,
  });
  return {
    depression: toRecord(buildDepressionCase(input)),
    panic: toRecord(buildPanicCase(input)),
    ptsd: toRecord(buildPtsdCase(input)),
  };
}
