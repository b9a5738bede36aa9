import { Tag, Tooltip } from 'antd';
import type { TermLight } from '../../../shared/model/vocabulary';

const COLOURS: Record<TermLight, { color: string; text: string }> = {
  green: { color: 'success', text: '绿' },
  yellow: { color: 'warning', text: '黄' },
  red: { color: 'error', text: '红' },
};

/** 三色预警 badge: the colour and its reason in a tooltip. */
export function TermLightTag({ light, reason }: { light: TermLight; reason?: string }) {
  const c = COLOURS[light];
  const tag = (
    <Tag color={c.color} data-light={light} style={{ marginInlineEnd: 0 }}>
      {c.text}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
