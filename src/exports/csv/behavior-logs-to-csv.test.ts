import { describe, expect, it } from 'vitest';
import { demoClientRecords } from '../../../test/demo-client-records.js';
import { BEHAVIOR_LOGS_CSV_COLUMNS, behaviorLogsToCsv } from './behavior-logs-to-csv.js';

describe('behaviorLogsToCsv', () => {
  it('writes a header and one row per logged period, oldest first, with the behaviour named', () => {
    const record = demoClientRecords().panic;
    const lines = behaviorLogsToCsv(record).split('\r\n');
    expect(lines[0]).toBe(BEHAVIOR_LOGS_CSV_COLUMNS.join(','));
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    expect(rows).toHaveLength(record.behaviorLogs.length);
    expect(rows.length).toBeGreaterThan(0);
    const dates = rows.map((r) => r[1] ?? '');
    expect([...dates].sort()).toEqual(dates);
    const first = record.behaviorLogs.find((l) => l.id === rows[0]?.[8]);
    const behavior = record.behaviors.find((b) => b.id === first?.behaviorId);
    expect(rows[0]).toEqual([
      record.client.recordNumber,
      first?.periodStart,
      behavior?.name,
      behavior?.period,
      String(first?.count),
      behavior?.unit ?? '',
      behavior?.direction,
      behavior?.id,
      first?.id,
    ]);
  });

  it('guards a behaviour name against formula injection and quotes commas', () => {
    const record = demoClientRecords().panic;
    const [b] = record.behaviors;
    if (!b) throw new Error('the panic demo has a behaviour');
    const csv = behaviorLogsToCsv({ ...record, behaviors: [{ ...b, name: '=cmd, "x"' }] });
    expect(csv).toContain(`"'=cmd, ""x"""`);
  });
});
