import { useEffect, type RefObject } from 'react';

/**
 * Takes the focus when a panel appears after the focused control went away with the panel it
 * was in (the "Connect to" list, say, as the new connection gets selected): focus follows the
 * user instead of falling back to the page.
 */
export function useFocusWhenLost(ref: RefObject<HTMLElement | null>, key: string) {
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) ref.current?.focus();
  }, [ref, key]);
}
