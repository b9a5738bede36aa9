/** A progress percentage for scrypt's ~1 s run, updated only when the whole percent changes. */
import { useCallback, useRef, useState } from 'react';

export function useScryptProgress(): { percent: number | null; onProgress: (fraction: number) => void; start: () => void; stop: () => void } {
  const [percent, setPercent] = useState<number | null>(null);
  const last = useRef(-1);
  const onProgress = useCallback((fraction: number) => {
    const p = Math.min(100, Math.max(0, Math.round(fraction * 100)));
    if (p !== last.current) {
      last.current = p;
      setPercent(p);
    }
  }, []);
  const start = useCallback(() => {
    last.current = 0;
    setPercent(0);
  }, []);
  const stop = useCallback(() => {
    last.current = -1;
    setPercent(null);
  }, []);
  return { percent, onProgress, start, stop };
}
