/** A file input that can be swapped for an empty one, so that after a refused file or a cancel the user picks again. */
import { useCallback, useRef, useState } from 'react';

export function useFreshFileInput() {
  const [key, setKey] = useState(0);
  const focusNext = useRef(false);
  /** For the input's ref: a fresh input asked to take the focus takes it as it appears. */
  const mount = useCallback((input: HTMLInputElement | null) => {
    if (input && focusNext.current) {
      focusNext.current = false;
      input.focus();
    }
  }, []);
  /** An empty input in place of the current one; with `focus`, the keyboard goes to it (the user starts again). */
  const renew = useCallback((focus: boolean) => {
    focusNext.current = focus;
    setKey((k) => k + 1);
  }, []);
  return { key, mount, renew };
}
