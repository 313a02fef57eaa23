import type { PracticeSettings } from './ports.js';

/**
 * Settings of a new practice. The review interval default of 90 days is an industry habit, not a federal rule
 * (reference/payer-requirements.md, "Review intervals"); the hard Medicare limit is a plan under one year.
 *
 * @example
 * DEFAULT_PRACTICE_SETTINGS.reviewIntervalDays // 90
 */
export const DEFAULT_PRACTICE_SETTINGS: PracticeSettings = {
  reviewIntervalDays: 90,
  mfaRequired: true,
  noMeasureAlertWeeks: 4,
  supervisorCosignRequired: false,
  clientSignatureRequired: false,
  noteFormat: 'dap',
  crisisText:
    'If you are in crisis or thinking about harming yourself, call or text 988 (US) or your local emergency number now.',
};
