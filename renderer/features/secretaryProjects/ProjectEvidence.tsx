/**
 * 证明材料 of a 书记项目: photos and PDF scans of what was done, shown as the meeting's attachments
 * are (AttachmentGallery). A unit adds one file at a time (checked by its bytes, hashed, a thumbnail
 * for photos: attachmentPrep.ts) and removes one after a confirm; each is saved at once with the
 * project. Under the 工委's 单位 → a unit the list is read-only.
 */
import { useMemo, useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import { projectAttachmentIds, type SecretaryProject } from '../../../shared/model/secretaryProject';
import { secretaryProjectAttachments } from '../../db/queries/secretaryProjects';
import { addProjectAttachment, removeProjectAttachment } from '../../db/secretaryProjectRepository';
import { platform } from '../../platform';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';
import { AttachmentGallery, type GalleryItem } from '../common/AttachmentGallery';
import { prepareAttachment } from '../common/attachmentPrep';

export function ProjectEvidence({ project, readOnly }: { project: SecretaryProject; readOnly: boolean }) {
  const { message, modal } = App.useApp();
  const run = useWriteAction();
  const [adding, setAdding] = useState(false);
  const ids = projectAttachmentIds(project);
  const attachments = useAppQuery(secretaryProjectAttachments, { attachmentIds: [...ids] });
  const items = useMemo<GalleryItem[]>(() => (attachments ?? []).map((a) => ({ key: a.id, name: a.name, mime: a.mime, sha256: a.sha256 })), [attachments]);

  async function addFile() {
    setAdding(true);
    try {
      const file = await platform().openFile([{ name: '照片或扫描件', extensions: ['jpg', 'jpeg', 'png', 'webp', 'pdf'] }]);
      if (!file) return;
      const prepared = await prepareAttachment(file.name, file.bytes);
      await run((ctx) => addProjectAttachment(ctx, project.id, prepared), { success: `已添加证明材料：${file.name}` });
    } catch (e) {
      void message.error({ content: isExpectedFailure(e) ? e.error.message : '证明材料读取失败，请重试。', duration: 8 });
    } finally {
      setAdding(false);
    }
  }

  function confirmRemove(key: string) {
    const item = items.find((i) => i.key === key);
    if (!item) return;
    modal.confirm({
      title: `移除证明材料“${item.name}”？`,
      content: '移除后该文件不再作为本项目的证明材料，也不再随同步包报送工委。',
      okText: '移除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => removeProjectAttachment(ctx, project.id, key), { success: '已移除证明材料' }),
    });
  }

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="project-evidence" aria-label="证明材料">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>证明材料</Typography.Text>
        {!readOnly && (
          <Button size="small" icon={<PaperClipOutlined />} loading={adding} onClick={() => void addFile()}>
            添加证明材料
          </Button>
        )}
      </Space>
      {items.length === 0 ? (
        <Typography.Text type="secondary">
          {readOnly ? '未上传证明材料' : '暂无证明材料：可添加工作现场照片、会议记录或成果文件的扫描件（JPG、PNG、WebP 照片或 PDF，单个文件不超过 20 MB）。'}
        </Typography.Text>
      ) : (
        <AttachmentGallery items={items} onRemove={readOnly ? undefined : confirmRemove} />
      )}
    </Space>
  );
}
