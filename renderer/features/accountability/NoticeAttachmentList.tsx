/**
 * 通知附件 on the unit's workbench: the files the 工委 sent with a notice, each with 打开 (a copy is
 * saved, then opened with the PC's viewer — the shell opens only files it has just saved) and 保存.
 * The bytes came in the return bundle and are read by their SHA-256 (attachmentBlobs).
 */
import { App, Button, List, Space, Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Attachment } from '../../../shared/model/attachment';
import { isExpectedFailure } from '../../../shared/errors/errors';
import { attachmentBlob } from '../../db/queries/meetings';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';

const EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const KINDS: Readonly<Record<string, string>> = { 'application/pdf': 'PDF 文件', 'image/jpeg': '照片', 'image/png': '图片', 'image/webp': '图片' };

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The file's name with its extension, so that the saved copy opens with the right program. */
function fileNameOf(a: Attachment): string {
  const ext = EXTENSIONS[a.mime];
  const known = a.mime === 'image/jpeg' ? /\.(jpe?g)$/i : new RegExp(`\\.${ext ?? ''}$`, 'i');
  return ext && !known.test(a.name) ? `${a.name}.${ext}` : a.name;
}

async function bytesOf(a: Attachment): Promise<Uint8Array | null> {
  const row = await onAppDatabase(attachmentBlob, a.sha256);
  return row ? new Uint8Array(await row.blob.arrayBuffer()) : null;
}

type MessageApi = ReturnType<typeof App.useApp>['message'];

async function saveOrOpen(message: MessageApi, a: Attachment, open: boolean): Promise<void> {
  try {
    const bytes = await bytesOf(a);
    if (!bytes) {
      void message.error({ content: `本机没有“${a.name}”的文件内容。请重新导入工委的回执同步包后再试。`, duration: 8 });
      return;
    }
    const ext = EXTENSIONS[a.mime];
    const saved = await platform().saveFile(fileNameOf(a), bytes, ext ? [{ name: KINDS[a.mime] ?? '附件', extensions: a.mime === 'image/jpeg' ? ['jpg', 'jpeg'] : [ext] }] : undefined);
    if (!saved.saved) return;
    if (open) await platform().openSaved(saved, bytes, a.mime);
    else void message.success(`已保存“${saved.fileName}”`);
  } catch (e) {
    void message.error({ content: isExpectedFailure(e) ? e.error.message : `“${a.name}”未能${open ? '打开' : '保存'}，请重试；仍不行请联系工委重新发送。`, duration: 8 });
  }
}

export function NoticeAttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  const { message } = App.useApp();
  if (attachments.length === 0) return null;
  return (
    <div data-testid="notice-attachments">
      <Typography.Text type="secondary">
        <PaperClipOutlined /> 附件（{attachments.length}）
      </Typography.Text>
      <List
        size="small"
        dataSource={[...attachments]}
        renderItem={(a) => (
          <List.Item
            data-testid="notice-attachment"
            actions={[
              <Button key="open" size="small" onClick={() => void saveOrOpen(message, a, true)} aria-label={`打开${a.name}`}>
                打开
              </Button>,
              <Button key="save" size="small" onClick={() => void saveOrOpen(message, a, false)} aria-label={`保存${a.name}`}>
                保存
              </Button>,
            ]}
          >
            <Space>
              {a.mime === 'application/pdf' ? <FilePdfOutlined style={{ color: '#b71c1c' }} /> : <FileImageOutlined style={{ color: '#1677ff' }} />}
              <span>{a.name}</span>
              <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
