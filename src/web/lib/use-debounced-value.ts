/**
 * A value that follows `value` once it has stopped changing for `ms` milliseconds (plan-wide checks run when typing
 * pauses, not on every keystroke).
 *
 * @example
 * const settled = useDebouncedValue(plan, 200);
 */
import { useEffect, useState } from 'react';

export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
