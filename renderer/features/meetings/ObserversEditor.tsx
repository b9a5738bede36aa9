/**
 * 列席人员: people who sat in on a 党组(党委) meeting without being on its attendance list — above all
 * the 机关党委专职副书记 at the 民主生活会 and the 理论学习中心组学习 — by name and post. When the
 * unit's 机关党委 has a full-time 副书记 on the meeting day, one click adds them.
 */
import { AutoComplete, Button, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Observer } from '../../../shared/model/meeting';
import { isOrganDeputySecretaryPost, ORGAN_DEPUTY_SECRETARY_POST } from '../../../shared/rules/meetings/organisationalLife';

const POSTS = [ORGAN_DEPUTY_SECRETARY_POST, '机关党委书记', '机关纪委书记', '机关党委委员', '上级督导组成员'].map((value) => ({ value }));

export function ObserversEditor({
  observers,
  onChange,
  deputyNames,
}: {
  observers: readonly Observer[];
  onChange: (next: Observer[]) => void;
  /** The 机关党委's full-time 副书记 on the meeting day (from its 两委 seats), if recorded. */
  deputyNames: readonly string[];
}) {
  const update = (i: number, patch: Partial<Observer>) => onChange(observers.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const listed = new Set(observers.filter((o) => isOrganDeputySecretaryPost(o.post)).map((o) => o.name.trim()));
  const offer = deputyNames.filter((n) => !listed.has(n));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="observers">
      {observers.length === 0 && <Typography.Text type="secondary">未记录列席人员。</Typography.Text>}
      {observers.map((o, i) => (
        <Space key={i} wrap>
          <Input
            style={{ width: 160 }}
            maxLength={50}
            placeholder="姓名"
            value={o.name}
            status={o.name.trim() === '' ? 'error' : undefined}
            onChange={(e) => update(i, { name: e.target.value })}
            aria-label={`列席人员${i + 1}姓名`}
          />
          <AutoComplete
            style={{ width: 240 }}
            options={POSTS}
            value={o.post}
            onChange={(v: string) => update(i, { post: v })}
            aria-label={`列席人员${i + 1}职务`}
            placeholder="职务，如机关党委专职副书记"
          />
          <Button icon={<DeleteOutlined />} aria-label={`删除列席人员${i + 1}`} onClick={() => onChange(observers.filter((_, j) => j !== i))} />
        </Space>
      ))}
      <Space wrap>
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...observers, { name: '', post: '' }])}>
          添加列席人员
        </Button>
        {offer.map((name) => (
          <Button key={name} icon={<UserAddOutlined />} onClick={() => onChange([...observers, { name, post: ORGAN_DEPUTY_SECRETARY_POST }])}>
            添加机关党委专职副书记{name}列席
          </Button>
        ))}
      </Space>
    </Space>
  );
}
