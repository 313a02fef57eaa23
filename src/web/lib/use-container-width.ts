/**
 * The width of an element, followed as it resizes (charts fill their card). A fixed width wins (tests, print); where
 * ResizeObserver is missing (jsdom) the fallback width is used.
 *
 * @example
 * const [ref, width] = useContainerWidth(undefined, 640); <div ref={ref}><Chart width={width} /></div>
 */
import { type RefObject, useEffect, useRef, useState } from 'react';

export function useContainerWidth(
  fixed: number | undefined,
  fallback = 640,
): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fixed ?? fallback);
  useEffect(() => {
    if (fixed !== undefined) return;
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fixed]);
  return [ref, fixed ?? width];
}
