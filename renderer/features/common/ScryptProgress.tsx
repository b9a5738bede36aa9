/**
 * Progress of scrypt's run (about a second at N = 2^17, several on a slow PC).
 *
 * scrypt yields with `scheduler.yield()`, whose continuations run before React's own scheduled
 * renders, so a bar driven by ordinary state would sit at 0 % until the end. Each whole-percent
 * step is therefore rendered at once with flushSync — in this small component only, and at most
 * every UPDATE_MS: every percent, painted, more than doubled scrypt's time on a slow PC.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Progress, Typography } from 'antd';

const UPDATE_MS = 250;

interface Channel {
  last: number;
  lastAt: number;
  listener: ((percent: number) => void) | null;
}

export interface ScryptProgress {
  /** True between start() and stop(): show <ScryptProgressBar>. */
  readonly active: boolean;
  /** Pass to the seal/open call. */
  readonly onProgress: (fraction: number) => void;
  readonly start: () => void;
  readonly stop: () => void;
  readonly channel: Channel;
}

export function useScryptProgress(): ScryptProgress {
  const [active, setActive] = useState(false);
  const channel = useRef<Channel>({ last: -1, lastAt: 0, listener: null }).current;
  const onProgress = useCallback(
    (fraction: number) => {
      const percent = Math.min(100, Math.max(0, Math.floor(fraction * 100)));
      const now = performance.now();
      if (percent === channel.last || now - channel.lastAt < UPDATE_MS) return;
      channel.last = percent;
      channel.lastAt = now;
      channel.listener?.(percent);
    },
    [channel],
  );
  const start = useCallback(() => {
    channel.last = 0;
    channel.lastAt = performance.now();
    flushSync(() => setActive(true));
  }, [channel]);
  const stop = useCallback(() => setActive(false), []);
  return { active, onProgress, start, stop, channel };
}

export function ScryptProgressBar({ progress, label, testId }: { progress: ScryptProgress; label: string; testId: string }) {
  const [percent, setPercent] = useState(0);
  const { channel } = progress;
  useEffect(() => {
    channel.listener = (p) => flushSync(() => setPercent(p));
    return () => {
      channel.listener = null;
    };
  }, [channel]);
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {/* no width animation: on a PC without a graphics card every animated frame is drawn by the CPU scrypt needs */}
      <Progress percent={percent} size="small" styles={{ track: { transition: 'none' } }} />
    </div>
  );
}
