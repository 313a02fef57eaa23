/**
 * Short names of the instruments for the parts of the app that load before the instrument data (the shell, the
 * caseload): the registry's `shortName` by id, kept equal to it by a test (instrument-label.test.ts).
 *
 * @example
 * instrumentLabel('phq9') // 'PHQ-9'
 * instrumentLabel('bdi2') // 'BDI2' (unknown ids are shown upper-cased)
 */
export const INSTRUMENT_LABELS: Readonly<Record<string, string>> = {
  phq9: 'PHQ-9',
  phq2: 'PHQ-2',
  gad7: 'GAD-7',
  gad2: 'GAD-2',
  pcl5: 'PCL-5',
  phq15: 'PHQ-15',
  k10: 'K10',
  wsas: 'WSAS',
  dass21: 'DASS-21',
  audit: 'AUDIT',
  auditc: 'AUDIT-C',
};

/**
 * The short name of an instrument id.
 *
 * @example
 * instrumentLabel('gad7') // 'GAD-7'
 */
export function instrumentLabel(instrumentId: string): string {
  return INSTRUMENT_LABELS[instrumentId] ?? instrumentId.toUpperCase();
}
