/**
 * The normalised form of a goal's wording, used to spot wording copied across clients: Unicode-normalised, lower
 * case, punctuation and symbols dropped, white space collapsed. Numbers are kept, so goals built from different
 * baselines stay different. The application builds the set of other clients' wordings with this same function.
 *
 * @example
 * normalizeGoalWording('  Reduce PHQ-9 from 18 to ≤9, within 16 weeks. ') // 'reduce phq 9 from 18 to 9 within 16 weeks'
 */
export function normalizeGoalWording(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
