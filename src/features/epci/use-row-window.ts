/**
 * Windowing for long tables: only the rows in view (plus a margin) are in the DOM, between two spacer rows
 * that keep the scroll height right, the table keeping its <table> semantics with aria-rowcount and
 * aria-rowindex. Fixed row height, measured from a rendered row: rows never change height here (cells do not
 * wrap). A headless virtualiser (@tanstack/react-virtual) would keep the table semantics as well; ours is kept
 * because fixed-height rows need only these few lines, and no dependency.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface RowWindow {
  /** Index of the first rendered row, and one past the last. */
  start: number;
  end: number;
  /** Heights of the spacers above and below the rendered rows, in pixels. */
  before: number;
  after: number;
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** Put on one rendered row so that the real row height is known. */
  measureRef: (row: HTMLTableRowElement | null) => void;
}

const OVERSCAN = 12;

/** Up to `threshold` rows, everything is rendered (the usual EPCI: a few dozen members). */
export function useRowWindow(
  count: number,
  { threshold = 150, estimate = 40, resetKey = '' }: { threshold?: number; estimate?: number; resetKey?: string } = {},
): RowWindow {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const [rowHeight, setRowHeight] = useState(estimate);
  const [view, setView] = useState({ top: 0, height: 600 });
  const windowed = count > threshold;

  const measureRef = useCallback((row: HTMLTableRowElement | null) => {
    const height = row?.getBoundingClientRect().height ?? 0;
    if (height > 0) setRowHeight((current) => (Math.abs(current - height) > 0.5 ? height : current));
  }, []);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !windowed) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView({ top: scroller.scrollTop, height: scroller.clientHeight || 600 });
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onScroll) : null;
    observer?.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [windowed]);

  // A new sort or filter brings the list back to its top.
  useEffect(() => {
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [resetKey]);

  if (!windowed) return { start: 0, end: count, before: 0, after: 0, scrollerRef, measureRef };
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { start: first, end: last, before: first * rowHeight, after: (count - last) * rowHeight, scrollerRef, measureRef };
}
