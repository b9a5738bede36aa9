/**
 * 通知 (the committee): notices sent, newest first, each with how many of its units have read it (as
 * their bundles brought the read marks back) and, unfolded, who has and who has not. 发通知 writes
 * one notice to the chosen units; it reaches each unit with its next return bundle. Opened from the
 * unit register's 向所示单位发通知 (route state `NoticeTo`), 发通知 opens with the units it showed.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { dateOfInstant } from '../../../shared/rules/dates';
import { noticeBatches, type NoticeBatch, type NoticeRecipient } from '../../../shared/rules/committee/noticeReads';
import { chineseDate } from '../../../shared/rules/text';
import { noticeRegister } from '../../db/queries/accountability';
import { isNoticeTo } from '../common/noticeTo';
import { useAppQuery } from '../common/useAppQuery';
import { noticeRecipients, type NoticeRecipients } from './noticeRecipients';
import { SendNoticeDrawer } from './SendNoticeDrawer';

export function NoticesPage() {
  const register = useAppQuery(noticeRegister);
  const [sending, setSending] = useState(false);
  const [preset, setPreset] = useState<NoticeRecipients | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  // from the unit register: open 发通知 once with the units it showed, and forget the state (a reload does not reopen it)
  const to = isNoticeTo(location.state) ? location.state.noticeTo : null;
  useEffect(() => {
    if (!register || to === null) return;
    setPreset(noticeRecipients(to.unitIds, register.units, to.filterLabel));
    setSending(true);
    void navigate(location.pathname, { replace: true, state: null });
  }, [register, to, navigate, location.pathname]);
  const batches = useMemo(
    () => (register ? noticeBatches(register.notices, register.reads, register.units.map((u) => u.unitId)) : []),
    [register],
  );
  const unitNames = useMemo(() => new Map((register?.units ?? []).map((u) => [u.unitId, u.name] as const)), [register]);
  const bodies = useMemo(() => new Map((register?.notices ?? []).map((n) => [n.batchId, n.body] as const)), [register]);
  if (!register) return null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">通知随各单位的下一个回执送达；单位标记已读后，已读回执随其下一个同步包带回。</Typography.Text>
        <Button
          type="primary"
          onClick={() => {
            setPreset(null);
            setSending(true);
          }}
        >
          发通知
        </Button>
      </Space>
      <Table<NoticeBatch>
        rowKey="batchId"
        dataSource={batches}
        size="middle"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 份通知` }}
        locale={{ emptyText: <Empty description="尚未发出通知。点击“发通知”向一个、几个或全部纳管单位发出。" /> }}
        expandable={{
          expandedRowRender: (batch) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {bodies.get(batch.batchId) ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{bodies.get(batch.batchId)}</Typography.Paragraph> : null}
              <Table<NoticeRecipient>
                rowKey="noticeId"
                size="small"
                pagination={false}
                dataSource={[...batch.recipients].sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null))}
                columns={[
                  {
                    title: '单位',
                    key: 'unit',
                    render: (_, r) => <Link to={`/units/${r.unitId}`}>{unitNames.get(r.unitId) ?? '（已移出名册的单位）'}</Link>,
                  },
                  {
                    title: '阅读情况',
                    key: 'read',
                    render: (_, r) => (r.readAt ? <Tag color="success">已读 {chineseDate(dateOfInstant(r.readAt))}</Tag> : <Tag color="default">未读</Tag>),
                  },
                ]}
              />
            </Space>
          ),
        }}
        columns={[
          { title: '通知标题', dataIndex: 'title', key: 'title' },
          { title: '发布日期', key: 'issuedOn', width: 140, render: (_, b) => chineseDate(b.issuedOn) },
          { title: '办理期限', key: 'dueOn', width: 140, render: (_, b) => (b.dueOn ? chineseDate(b.dueOn) : '—') },
          {
            title: '已读',
            key: 'read',
            width: 200,
            render: (_, b) => (
              <Space>
                <Progress percent={Math.round((100 * b.readCount) / b.recipients.length)} size="small" style={{ width: 80 }} showInfo={false} />
                <span>
                  {b.readCount}/{b.recipients.length} 个单位
                </span>
              </Space>
            ),
          },
        ]}
      />
      <SendNoticeDrawer open={sending} units={register.units} preset={preset} onClose={() => setSending(false)} />
    </Space>
  );
}
