import { useCallback, useEffect, useState } from 'react';

/** Whole seconds left until a deadline; `extend` never shortens a running wait. */
export function useCountdown(): { secondsLeft: number; extend: (ms: number) => void } {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until <= Date.now()) return;
    const id = window.setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= until) window.clearInterval(id);
    }, 250);
    return () => window.clearInterval(id);
  }, [until]);

  const extend = useCallback((ms: number) => {
    const t = Date.now();
    setNow(t);
    setUntil((u) => Math.max(u, t + ms));
  }, []);

  return { secondsLeft: Math.max(0, Math.ceil((until - now) / 1000)), extend };
}
