/** The page's h1: sets the document title and takes focus on navigation so screen readers announce the new page. */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Cyberdiag`;
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
