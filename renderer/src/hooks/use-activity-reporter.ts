import { useEffect } from 'react';

export const ACTIVITY_THROTTLE_MS = 5000;

const EVENTS = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;

/**
 * The idle timer lives in the main process (it must lock even if the renderer hangs);
 * the renderer only tells it, at most every few seconds, that the officer is present.
 */
export function useActivityReporter(enabled: boolean, throttleMs: number = ACTIVITY_THROTTLE_MS): void {
  useEffect(() => {
    if (!enabled) return;
    let last = Number.NEGATIVE_INFINITY;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < throttleMs) return;
      last = now;
      void window.api.session.activity();
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [enabled, throttleMs]);
}
