/**
 * Which address the app must not reopen on next start: a page whose record is not on the device, or a page that
 * failed. The layout remembers the last page visited; it reads this to remember the home page instead.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { create } from 'zustand';

export const usePageMemory = create<{ notAPage: string | null }>(() => ({ notAPage: null }));

/** Marks the current address as not to be reopened, for as long as the calling page is shown. */
export function useNotAPage(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    usePageMemory.setState({ notAPage: pathname });
    return () => {
      // The record may appear (an import, another tab): the page at this address is then a page again.
      if (usePageMemory.getState().notAPage === pathname) usePageMemory.setState({ notAPage: null });
    };
  }, [pathname]);
}
