/**
 * Progress of a backup or a restore, stage by stage (读取 → 口令 → 加密 …, or 口令 → 解密 → 校验 → 写入).
 * Like setup's scrypt bar: scrypt yields with `scheduler.yield()`, whose continuations run before
 * React's own renders, so each visible step is rendered at once with flushSync, at most every
 * UPDATE_MS and only in this small component.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Progress, Typography } from 'antd';

const UPDATE_MS = 200;

interface Step {
  readonly label: string;
  readonly percent: number;
}

interface Channel {
  last: string;
  lastAt: number;
  listener: ((step: Step) => void) | null;
}

export interface StageProgress<S extends string> {
  readonly active: boolean;
  readonly onProgress: (stage: S, fraction: number) => void;
  readonly start: () => void;
  readonly stop: () => void;
  readonly channel: Channel;
}

export function useStageProgress<S extends string>(labels: Readonly<Record<S, string>>): StageProgress<S> {
  const [active, setActive] = useState(false);
  const channel = useRef<Channel>({ last: '', lastAt: 0, listener: null }).current;
  const onProgress = useCallback(
    (stage: S, fraction: number) => {
      const percent = Math.min(100, Math.max(0, Math.floor(fraction * 100)));
      const key = `${stage}:${percent}`;
      const now = performance.now();
      const stageChanged = !channel.last.startsWith(`${stage}:`);
      if (key === channel.last || (!stageChanged && now - channel.lastAt < UPDATE_MS)) return;
      channel.last = key;
      channel.lastAt = now;
      channel.listener?.({ label: labels[stage], percent });
    },
    [channel, labels],
  );
  const start = useCallback(() => {
    channel.last = '';
    channel.lastAt = 0;
    flushSync(() => setActive(true));
  }, [channel]);
  const stop = useCallback(() => setActive(false), []);
  return { active, onProgress, start, stop, channel };
}

export function StageProgressBar<S extends string>({ progress, testId }: { progress: StageProgress<S>; testId: string }) {
  const [step, setStep] = useState<Step>({ label: '正在准备…', percent: 0 });
  const { channel } = progress;
  useEffect(() => {
    channel.listener = (s) => flushSync(() => setStep(s));
    return () => {
      channel.listener = null;
    };
  }, [channel]);
  return (
    <div style={{ marginBottom: 16 }} data-testid={testId}>
      <Typography.Text type="secondary">{step.label}</Typography.Text>
      <Progress percent={step.percent} size="small" styles={{ track: { transition: 'none' } }} />
    </div>
  );
}
