/**
 * 冲突记录 (both sides): each open conflict in words — which record, which version is in use and
 * which was set aside, who wrote them where and when, in which import it was found — with 对比
 * (both versions side by side), 恢复此版本 (after a confirmation) and 保留现状.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { WorkspaceMode } from '../../../shared/model/vocabulary';
import { dismissConflict, restoreConflict } from '../../db/sync/conflicts';
import { sessionWriteContext } from '../../db/session';
import { useWriteAction } from '../common/useWriteAction';
import { ConflictCompareModal } from './ConflictCompareModal';
import { loadConflictViews, type ConflictView } from './conflictViews';

async function load(): Promise<ConflictView[]> {
  const ctx = await sessionWriteContext();
  return loadConflictViews(ctx.db, ctx);
}

/** Who must re-save a record this side cannot write, so that the restored version lasts. */
function restoredMessage(mode: WorkspaceMode, rewritten: boolean): string {
  if (rewritten) return '已恢复为该版本，并作为一次新的修改保存；下次导出同步包时会一并报送。';
  return mode === 'committee'
    ? '已在本机恢复为该版本。该记录由单位填报，请通知单位在其电脑上核对并重新保存，否则单位下次报送的较新版本会再次替换它。'
    : '已在本机恢复为该版本。该记录由工委填报，请联系工委核对后重新下发，否则下次导入工委回执时会再次替换它。';
}

export function ConflictsCard({ mode }: { mode: WorkspaceMode }) {
  const views = useLiveQuery(load, []);
  const [open, setOpen] = useState<number | null>(null);
  const run = useWriteAction();
  const { message } = App.useApp();
  const shown = views?.find((v) => v.seq === open) ?? null;

  async function restore(view: ConflictView) {
    const r = await run((ctx) => restoreConflict(ctx, view.seq));
    if (r) {
      setOpen(null);
      void message.success({ content: restoredMessage(mode, r.rewritten), duration: 8 });
    }
  }

  async function dismiss(view: ConflictView) {
    if ((await run((ctx) => dismissConflict(ctx, view.seq))) !== null) {
      setOpen(null);
      void message.success('已保留现状，该冲突不再列出（未采用的版本仍保存在本机）。');
    }
  }

  const actions = (v: ConflictView, inModal: boolean) => (
    <Space size={4} wrap>
      {!inModal && (
        <Button size="small" onClick={() => setOpen(v.seq)}>
          对比
        </Button>
      )}
      <Popconfirm
        title="恢复未采用的版本？"
        description={
          v.ownRecord
            ? '将用该版本替换当前版本，作为一次新的修改保存并在下次报送；当前版本会保留在冲突记录中。'
            : `将在本机用该版本替换当前版本；当前版本会保留在冲突记录中。该记录由${mode === 'committee' ? '单位' : '工委'}填报，对方的电脑上不会随之改变。`
        }
        okText="恢复"
        cancelText="取消"
        onConfirm={() => void restore(v)}
      >
        <Button size="small" type={inModal ? 'primary' : 'default'}>
          恢复此版本
        </Button>
      </Popconfirm>
      <Popconfirm title="保留当前版本，不再列出此冲突？" description="未采用的版本仍保存在本机，不会删除。" okText="保留现状" cancelText="取消" onConfirm={() => void dismiss(v)}>
        <Button size="small">保留现状</Button>
      </Popconfirm>
    </Space>
  );

  return (
    <Card
      title="冲突记录"
      data-testid="conflicts"
      extra={views && views.length > 0 ? <Tag color="warning">{views.length} 条待处理</Tag> : undefined}
    >
      <Table<ConflictView>
        size="small"
        rowKey="seq"
        loading={views === undefined}
        dataSource={views ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{
          emptyText:
            mode === 'committee'
              ? '没有冲突。同一单位的两台电脑修改了同一条记录时，未采用的版本会列在这里，可对比、恢复，不会悄悄丢失。'
              : '没有冲突。导入工委回执时，如同一条记录有两个不同的版本，未采用的版本会列在这里，可对比、恢复，不会悄悄丢失。',
        }}
        columns={[
          {
            title: '记录',
            key: 'title',
            width: 220,
            render: (_, v) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{v.title}</Typography.Text>
                <Typography.Text type="secondary">{v.tableLabel}</Typography.Text>
              </Space>
            ),
          },
          { title: '情况', key: 'summary', render: (_, v) => <span data-testid="conflict-summary">{v.summary}</span> },
          {
            title: '发现',
            key: 'found',
            width: 200,
            render: (_, v) => (
              <Space orientation="vertical" size={0}>
                <span>{v.source}</span>
                <Typography.Text type="secondary">{v.foundAt}</Typography.Text>
              </Space>
            ),
          },
          { title: '操作', key: 'actions', width: 230, render: (_, v) => actions(v, false) },
        ]}
      />
      <ConflictCompareModal
        view={shown}
        onClose={() => setOpen(null)}
        footer={
          shown && (
            <Space>
              <Button onClick={() => setOpen(null)}>关闭</Button>
              {actions(shown, true)}
            </Space>
          )
        }
      />
    </Card>
  );
}
