import { describe, expect, it } from 'vitest';
import { demoClientRecords } from '../../../test/demo-client-records.js';
import { administrationsToCsv, csvCell } from './administrations-to-csv.js';

const { depression } = demoClientRecords();

describe('administrationsToCsv', () => {
  it('writes a header and one CRLF-terminated row per administration', () => {
    const lines = administrationsToCsv(depression).split('\r\n');
    expect(lines[0]).toBe(
      'record_number,administered_on,administered_at,instrument,instrument_version,total,severity,prorated,subscales,flags,source,answers',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(depression.administrations.length);
  });

  it('writes the first PHQ-9 with its total, band and critical-item flag', () => {
    const first = administrationsToCsv(depression).split('\r\n')[1];
    expect(first).toMatch(
      /^DEMO-001,\d{4}-\d\d-\d\d,[^,]+,PHQ-9,1\.0\.0,18,moderately severe,no,,critical-item:9,session,/,
    );
  });

  it('matches the snapshot of the depression case', () => {
    expect(administrationsToCsv(depression)).toMatchSnapshot();
  });
});

describe('csvCell', () => {
  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('prefixes cells a spreadsheet would run as a formula with a quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});
