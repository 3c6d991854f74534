/**
 * The page's h1: sets the document title and, when the user moves to another page of the app, takes focus so that
 * screen readers announce the new page. The first page the document shows keeps the focus where it is: the
 * browser reads it from the top anyway, and a user who has started to Tab through the prerendered first page before
 * the app started must not be sent back to its title.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

let firstPageShown = false;

/** The app's first page is reached by the user's click (src/app/first-visit.ts): its title takes the focus too. */
export function focusTitleOfFirstPage(): void {
  firstPageShown = true;
}

export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // In the commit itself, before the page is painted: a user (or a test) who lands on a field of the new page must
  // not have the focus taken from under the keyboard a moment later.
  useLayoutEffect(() => {
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
