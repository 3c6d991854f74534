/**
 * The page's h1: sets the document title and, when the user moves to another page of the app, takes focus so that
 * screen readers announce the new page. The first page the document shows keeps the focus where it is: the
 * browser reads it from the top anyway, and a user who has started to Tab through the prerendered first page before
 * the app started must not be sent back to its title.
 */
import { useEffect, useRef, type ReactNode } from 'react';

let firstPageShown = false;

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Cyberdiag`;
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
