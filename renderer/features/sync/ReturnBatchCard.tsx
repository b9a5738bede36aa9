/**
 * 批量生成回执 (committee): the return bundles of the units of the last batch, or of every active
 * unit, in one go — into a folder the user picks (Electron) or as one `回执_<date>.zip` (browser) —
 * with a progress bar and a result per unit.
 */
import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { SaveFilesResult } from '../../../shared/platform';
import { onAppDatabase, sessionWriteContext } from '../../db/session';
import { activeUnitIds, exportReturnBundles, returnFolderName, type ReturnProgress, type ReturnResult } from '../../db/sync/returnBatch';
import { platform } from '../../platform';

interface Row {
  unitId: string;
  unitName: string;
  fileName: string | null;
  ok: boolean;
  text: string;
}

function rowsOf(results: readonly ReturnResult[], saved: SaveFilesResult | null): Row[] {
  const byName = saved?.saved ? new Map(saved.files.map((f) => [f.name, f])) : new Map<string, { saved: boolean; message?: string }>();
  return results.map((r) => {
    if (!r.ok) return { unitId: r.unitId, unitName: r.unitName, fileName: null, ok: false, text: `未生成：${r.reason}` };
    const s = byName.get(r.file.name);
    if (!saved?.saved) return { unitId: r.unitId, unitName: r.unitName, fileName: r.file.name, ok: false, text: '未保存（已取消选择保存位置）。需要时请重新生成。' };
    if (!s?.saved) return { unitId: r.unitId, unitName: r.unitName, fileName: r.file.name, ok: false, text: `未保存：${s?.message ?? '写入失败'}` };
    return { unitId: r.unitId, unitName: r.unitName, fileName: r.file.name, ok: true, text: s.message ? `已保存（${s.message}）` : '已保存' };
  });
}

export function ReturnBatchCard({ batchUnitIds }: { batchUnitIds: readonly string[] }) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ReturnProgress | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [place, setPlace] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(which: 'batch' | 'active') {
    setBusy(true);
    setError(null);
    setRows(null);
    setPlace(null);
    try {
      const ctx = await sessionWriteContext();
      const ids = which === 'batch' ? [...batchUnitIds] : await onAppDatabase(activeUnitIds);
      if (ids.length === 0) return setError('没有已启用的纳管单位。单位的第一个同步包导入后才能为其生成回执。');
      const results = await exportReturnBundles(ctx, ids, { onProgress: setProgress });
      const files = results.flatMap((r) => (r.ok ? [r.file] : []));
      const saved = files.length > 0 ? await platform().saveFilesToFolder(returnFolderName(ctx.now()), files) : null;
      setRows(rowsOf(results, saved));
      if (saved?.saved) setPlace(saved.place);
    } catch (e) {
      setError(isExpectedFailure(e) ? e.error.message : '生成回执失败：本机数据存储出错。请重试；如仍失败，请重新启动程序。');
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const savedCount = rows?.filter((r) => r.ok).length ?? 0;
  const zip = place?.endsWith('.zip') ?? false;
  return (
    <Card title="批量生成回执" data-testid="return-batch">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          为多个单位一次生成回执（含接收回执和工委发给该单位的通知、红黄牌、培训班、规则配置）。
          {platform().kind === 'electron' ? '回执保存到您选择的文件夹，已有的同名文件不会被覆盖。' : `回执打包为一个压缩文件（${returnFolderName(new Date())}.zip）下载，解压后按单位分别拷给各单位。`}
        </Typography.Text>
        <Space wrap>
          <Button type="primary" disabled={busy || batchUnitIds.length === 0} loading={busy} onClick={() => void run('batch')}>
            导出本批单位的回执（{batchUnitIds.length} 个）
          </Button>
          <Button disabled={busy} onClick={() => void run('active')}>
            导出全部已启用单位的回执
          </Button>
        </Space>
        {progress && <Progress percent={progress.percent} status="active" format={() => progress.label} data-testid="return-progress" />}
        {error && <Alert type="error" showIcon title={error} />}
        {rows && place && savedCount > 0 && (
          <Alert
            type="success"
            showIcon
            data-testid="return-result"
            title={zip ? `已下载“${place}”，内含 ${savedCount} 个回执。请解压后拷给各单位导入。` : `已将 ${savedCount} 个回执保存到文件夹“${place}”，请拷给各单位导入。`}
          />
        )}
        {rows && (
          <Table<Row>
            size="small"
            rowKey="unitId"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            data-testid="return-rows"
            columns={[
              { title: '单位', key: 'unit', render: (_, r) => r.unitName },
              { title: '回执文件', key: 'file', render: (_, r) => r.fileName ?? '—' },
              {
                title: '结果',
                key: 'result',
                render: (_, r) => (
                  <Space size={4}>
                    <Tag color={r.ok ? 'success' : 'error'}>{r.ok ? '成功' : '未完成'}</Tag>
                    <Typography.Text type={r.ok ? undefined : 'danger'}>{r.text}</Typography.Text>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
