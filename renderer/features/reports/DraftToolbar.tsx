/** 保存草稿, 恢复为系统生成的文字, 历史版本 and the saved state of the annual report's drafts. */
import { Button, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';
import type { DraftSaving } from './useDraftSaving';

interface Props {
  readonly saving: DraftSaving;
  readonly running: boolean;
  readonly onRestoreDefaults: () => void;
  readonly onPick: (drafts: AnnualDrafts, addressee: string) => void;
}

export function DraftToolbar({ saving, running, onRestoreDefaults, onPick }: Props) {
  const { versions, dirty } = saving;
  const latest = versions?.at(-1);
  return (
    <Space wrap>
      <Button onClick={() => void saving.save()} disabled={!dirty || running}>
        保存草稿
      </Button>
      <Button onClick={onRestoreDefaults} disabled={running}>
        恢复为系统生成的文字
      </Button>
      {versions && versions.length > 1 && (
        <Select
          aria-label="历史版本"
          placeholder={`历史版本（${versions.length}）`}
          style={{ width: 260 }}
          value={null}
          options={[...versions].reverse().map((v, i) => ({ value: v.seq ?? 0, label: `第${versions.length - i}版 ${dayjs(v.savedAt).format('YYYY-MM-DD HH:mm')} ${v.savedBy}` }))}
          onChange={(seq) => {
            const v = versions.find((x) => x.seq === seq);
            if (v) onPick({ intro: v.intro, duties: v.duties ?? '', problems: v.problems, nextSteps: v.nextSteps }, v.addressee);
          }}
        />
      )}
      <Typography.Text type="secondary" data-testid="draft-status">
        {latest ? `已保存第${versions?.length ?? 1}版（${dayjs(latest.savedAt).format('MM-DD HH:mm')}）${dirty ? '，有未保存的修改' : ''}` : '尚未保存（显示的是系统生成的文字）'}
      </Typography.Text>
    </Space>
  );
}
