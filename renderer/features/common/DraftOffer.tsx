/** The offer of an unsaved draft found for a form (common/formDraft.ts): 恢复草稿 or 丢弃. */
import { Alert, Button, Space } from 'antd';
import dayjs from 'dayjs';

export function DraftOffer({ savedAt, onRestore, onDiscard, testId, style }: { savedAt: string; onRestore: () => void; onDiscard: () => void; testId?: string; style?: React.CSSProperties }) {
  return (
    <Alert
      type="info"
      showIcon
      {...(style ? { style } : {})}
      {...(testId ? { 'data-testid': testId } : {})}
      title={`有一份 ${dayjs(savedAt).format('M月D日 HH:mm')} 未保存的草稿`}
      action={
        <Space>
          <Button size="small" type="primary" onClick={onRestore}>
            恢复草稿
          </Button>
          <Button size="small" onClick={onDiscard}>
            丢弃
          </Button>
        </Space>
      }
    />
  );
}
