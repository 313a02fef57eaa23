/**
 * Whether a value satisfies a goal's comparator against its bound. Exact comparison, no tolerance: a status may
 * only say `met` when this is true.
 *
 * @example
 * satisfiesComparator(9, '<=', 9) // true
 * satisfiesComparator(9, '<', 9) // false
 */
import type { Comparator } from '../treatment-plans/target.js';

/**
 * Returns true when `value comparator bound` holds.
 *
 * @example
 * satisfiesComparator(12, '>=', 10) // true
 */
export function satisfiesComparator(value: number, comparator: Comparator, bound: number): boolean {
  switch (comparator) {
    case '<=':
      return value <= bound;
    case '<':
      return value < bound;
    case '>=':
      return value >= bound;
    case '>':
      return value > bound;
    case '=':
      return value === bound;
  }
}
