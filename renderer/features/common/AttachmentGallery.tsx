/** Attachments as thumbnails; a photo opens full size, a PDF opens in a new view. */
import { useEffect, useState } from 'react';
import { Button, Image, Space, Tooltip, Typography } from 'antd';
import { CloseOutlined, FilePdfOutlined } from '@ant-design/icons';
import { attachmentBlob } from '../../db/queries/meetings';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';

/** PDFs are not opened in a window (the shell allows none): the user saves a copy and opens it. */
async function saveCopy(item: GalleryItem): Promise<void> {
  const bytes = item.bytes ?? new Uint8Array(await ((await onAppDatabase(attachmentBlob, item.sha256))?.blob.arrayBuffer() ?? new ArrayBuffer(0)));
  await platform().saveFile(/\.pdf$/i.test(item.name) ? item.name : `${item.name}.pdf`, bytes, [{ name: 'PDF', extensions: ['pdf'] }]);
}

export interface GalleryItem {
  key: string;
  name: string;
  mime: string;
  /** Stored attachments are loaded by hash; new ones carry their bytes. */
  sha256: string;
  bytes?: Uint8Array;
  thumbnail?: Blob | null;
}

function useObjectUrls(items: readonly GalleryItem[]) {
  const [urls, setUrls] = useState<Record<string, { full: string; thumb: string | null }>>({});
  useEffect(() => {
    let cancelled = false;
    const made: string[] = [];
    void (async () => {
      const next: Record<string, { full: string; thumb: string | null }> = {};
      for (const item of items) {
        let full: Blob | undefined;
        let thumb: Blob | null | undefined = item.thumbnail;
        if (item.bytes) full = new Blob([item.bytes as Uint8Array<ArrayBuffer>], { type: item.mime });
        else {
          const row = await onAppDatabase(attachmentBlob, item.sha256);
          full = row?.blob;
          thumb = row?.thumbnail ?? null;
        }
        if (!full) continue;
        const f = URL.createObjectURL(full);
        const t = thumb ? URL.createObjectURL(thumb) : null;
        made.push(f, ...(t ? [t] : []));
        next[item.key] = { full: f, thumb: t };
      }
      if (!cancelled) setUrls(next);
    })();
    return () => {
      cancelled = true;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [items]);
  return urls;
}

export function AttachmentGallery({ items, onRemove }: { items: readonly GalleryItem[]; onRemove?: (key: string) => void }) {
  const urls = useObjectUrls(items);
  if (items.length === 0) return <Typography.Text type="secondary">暂无附件</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap size={12} data-testid="attachment-gallery">
        {items.map((item) => {
          const u = urls[item.key];
          return (
            <div key={item.key} style={{ width: 120, textAlign: 'center', position: 'relative' }}>
              {item.mime.startsWith('image/') ? (
                <Image width={120} height={90} style={{ objectFit: 'cover', borderRadius: 4 }} src={u?.thumb ?? u?.full} preview={u ? { src: u.full } : false} alt={item.name} />
              ) : (
                <Tooltip title="另存此扫描件">
                  <Button
                    style={{ width: 120, height: 90 }}
                    aria-label={`另存${item.name}`}
                    icon={<FilePdfOutlined style={{ fontSize: 36, color: '#b71c1c' }} />}
                    onClick={() => void saveCopy(item)}
                  />
                </Tooltip>
              )}
              <Typography.Text ellipsis style={{ width: 120, fontSize: 12 }}>
                {item.name}
              </Typography.Text>
              {onRemove && (
                <Tooltip title="移除">
                  <Button size="small" shape="circle" icon={<CloseOutlined />} aria-label={`移除附件${item.name}`} style={{ position: 'absolute', top: -8, right: -8 }} onClick={() => onRemove(item.key)} />
                </Tooltip>
              )}
            </div>
          );
        })}
      </Space>
    </Image.PreviewGroup>
  );
}
