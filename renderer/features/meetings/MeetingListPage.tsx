/**
 * 会议记录: every meeting, filtered by organisation, kind and year; view, edit, delete (with
 * confirmation). The view shows a meeting's 列席人员 and, for 民主评议党员, each member's grade with
 * their grades of other years.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useScopedNavigate, WriteOnly } from '../common/unitScope';
import { App, Button, Card, Descriptions, Drawer, Empty, List, Select, Space, Spin, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { appraisalGradeOf, observersOf, type Attendance, type Meeting } from '../../../shared/model/meeting';
import { ABSENCE_REASON_LABELS, APPRAISAL_GRADE_LABELS, MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind } from '../../../shared/model/vocabulary';
import {
  appraisalHistoryByMember,
  appraisalHistoryWords,
  appraisalTally,
  appraisalTallyWords,
  deputySecretaryObserverCheck,
  hasObservers,
  type AppraisalHistoryEntry,
} from '../../../shared/rules/meetings/organisationalLife';
import { countAttendance } from '../../../shared/rules/meetings/quorum';
import { meetingTimeliness } from '../../../shared/rules/meetings/meetingCompliance';
import { useRuleProfile } from '../common/useRuleProfile';
import { subtreeIds } from '../../../shared/rules/organisations/setupHints';
import { chineseDate } from '../../../shared/rules/text';
import { deleteMeeting } from '../../db/meetingRepository';
import { meetingAttachments } from '../../db/queries/meetings';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitLedger } from '../common/useUnitLedger';
import { useWriteAction } from '../common/useWriteAction';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { AttachmentGallery } from '../common/AttachmentGallery';
import { useMeetingRecords } from './useMeetingRecords';

const NO_ATTACHMENTS: readonly string[] = [];

const NO_HISTORY: ReadonlyMap<string, readonly AppraisalHistoryEntry[]> = new Map();

/** 民主评议: each member's grade at this meeting, and their grades of the other years. */
function AppraisalGrades({ meeting, names, history }: { meeting: Meeting; names: ReadonlyMap<string, string>; history: ReadonlyMap<string, readonly AppraisalHistoryEntry[]> }) {
  const rows = meeting.attendance.filter((a) => a.status !== 'excluded');
  const tally = appraisalTally(meeting.attendance);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>评议等次</Typography.Title>
      <Typography.Paragraph data-testid="appraisal-summary">{appraisalTallyWords(tally)}</Typography.Paragraph>
      <Table<Attendance>
        size="small"
        rowKey="memberId"
        dataSource={rows}
        pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        data-testid="appraisal-grades"
        columns={[
          { title: '姓名', key: 'name', width: 110, render: (_, a) => names.get(a.memberId) ?? '（已删除）' },
          {
            title: '本次等次',
            key: 'grade',
            width: 170,
            render: (_, a) => {
              const g = appraisalGradeOf(a);
              if (g !== null) return <Tag color={g === 'excellent' ? 'red' : g === 'qualified' ? 'blue' : g === 'basicallyQualified' ? 'orange' : 'default'}>{APPRAISAL_GRADE_LABELS[g]}</Tag>;
              return <Typography.Text type="secondary">{a.voting ? '未评定' : '预备党员，不评定等次'}</Typography.Text>;
            },
          },
          {
            title: '历年等次',
            key: 'history',
            render: (_, a) => appraisalHistoryWords((history.get(a.memberId) ?? []).filter((e) => e.meetingId !== meeting.id && e.year !== Number(meeting.date.slice(0, 4)))) || '—',
          },
        ]}
      />
    </>
  );
}

function MeetingDetail({
  meeting,
  orgName,
  names,
  history,
  onClose,
}: {
  meeting: Meeting | null;
  orgName: string;
  names: ReadonlyMap<string, string>;
  history: ReadonlyMap<string, readonly AppraisalHistoryEntry[]>;
  onClose: () => void;
}) {
  const attachments = useAppQuery(meetingAttachments, meeting?.attachmentIds ?? NO_ATTACHMENTS);
  if (!meeting) return null;
  const c = countAttendance(meeting.attendance);
  const absent = meeting.attendance.filter((a) => a.status === 'absent');
  const observers = observersOf(meeting);
  const observerCheck = deputySecretaryObserverCheck(meeting.kind, observers);
  return (
    <Drawer open title={`${MEETING_KIND_LABELS[meeting.kind]}（${chineseDate(meeting.date)}）`} size={720} onClose={onClose}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="党组织">{orgName}</Descriptions.Item>
        <Descriptions.Item label="地点">{meeting.place || '—'}</Descriptions.Item>
        <Descriptions.Item label="主持人">{meeting.chair || '—'}</Descriptions.Item>
        <Descriptions.Item label="记录人">{meeting.recorder || '—'}</Descriptions.Item>
        {meeting.kind === 'partyLecture' && <Descriptions.Item label="授课人" span={2}>{meeting.lecturer}</Descriptions.Item>}
        <Descriptions.Item label="应到 / 实到" span={2}>
          应到 {c.shouldAttend} 人（有表决权 {c.shouldAttendVoting} 人），实到 {c.present} 人，缺席 {c.absent} 人{c.excluded ? `，不计入应到 ${c.excluded} 人` : ''}
        </Descriptions.Item>
        {absent.length > 0 && (
          <Descriptions.Item label="缺席人员" span={2}>
            {absent.map((a) => `${names.get(a.memberId) ?? '（已删除）'}（${a.absenceReason ? ABSENCE_REASON_LABELS[a.absenceReason] : ''}${a.note ? `：${a.note}` : ''}）`).join('、')}
          </Descriptions.Item>
        )}
        {(hasObservers(meeting.kind) || observers.length > 0) && (
          <Descriptions.Item label="列席人员" span={2}>
            <span data-testid="observers-view">{observers.length === 0 ? '未记录' : observers.map((o) => (o.post ? `${o.name}（${o.post}）` : o.name)).join('、')}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {observerCheck && !observerCheck.ok && (
        <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
          <WarningOutlined /> 未记录机关党委专职副书记列席。
        </Typography.Paragraph>
      )}
      {meeting.quorumWarning && <Typography.Paragraph type="warning" style={{ marginTop: 12 }}><WarningOutlined /> {meeting.quorumWarning}</Typography.Paragraph>}
      {meeting.kind === 'democraticAppraisal' && <AppraisalGrades meeting={meeting} names={names} history={history} />}
      <Typography.Title level={5} style={{ marginTop: 16 }}>议题</Typography.Title>
      <List size="small" dataSource={meeting.topics} renderItem={(t, i) => <List.Item>{i + 1}. {t}</List.Item>} locale={{ emptyText: '未填写议题' }} />
      {meeting.resolutions.length > 0 && (
        <>
          <Typography.Title level={5}>决议</Typography.Title>
          <List size="small" dataSource={meeting.resolutions} renderItem={(r) => <List.Item>{r.text}（赞成 {r.yes}，反对 {r.no}，弃权 {r.abstain}）</List.Item>} />
        </>
      )}
      <Typography.Title level={5}>会议记录</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes || '（未填写）'}</Typography.Paragraph>
      <Typography.Title level={5}>附件</Typography.Title>
      <AttachmentGallery items={(attachments ?? []).map((a) => ({ key: a.id, name: a.name, mime: a.mime, sha256: a.sha256 }))} />
    </Drawer>
  );
}

export function MeetingListPage() {
  const data = useUnitLedger();
  const records = useMeetingRecords();
  const profile = useRuleProfile();
  const navigate = useScopedNavigate();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [params, setParams] = useSearchParams();
  const orgFilter = params.get('org') ?? undefined;
  const [kindFilter, setKindFilter] = useState<MeetingKind | undefined>();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [viewing, setViewing] = useState<Meeting | null>(null);

  const organisations = useMemo(() => data?.organisations ?? [], [data]);
  const orgName = useMemo(() => new Map(organisations.map((o) => [o.id, o.name])), [organisations]);
  const names = useMemo(() => new Map((data?.members ?? []).map((m) => [m.id, m.name])), [data]);
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);
  const history = useMemo(() => (records ? appraisalHistoryByMember(records.meetings) : NO_HISTORY), [records]);
  const years = useMemo(() => {
    const set = new Set((records?.meetings ?? []).map((m) => Number(m.date.slice(0, 4))));
    set.add(new Date().getFullYear());
    return [...set].sort((a, b) => b - a);
  }, [records]);
  const filtered = useMemo(() => {
    const inOrg = orgFilter ? subtreeIds(orgFilter, organisations) : null;
    return (records?.meetings ?? []).filter((m) => (!inOrg || inOrg.has(m.organisationId)) && (!kindFilter || m.kind === kindFilter) && m.date.startsWith(String(year)));
  }, [records, organisations, orgFilter, kindFilter, year]);

  if (!data || !records) return <Spin description="正在读取…" />;

  function confirmDelete(m: Meeting) {
    modal.confirm({
      title: '删除这条会议记录？',
      content: `${orgName.get(m.organisationId) ?? ''} ${MEETING_KIND_LABELS[m.kind]}（${chineseDate(m.date)}）。删除后不再计入完成情况，但修改记录仍保留在操作日志中。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteMeeting(ctx, m.id), { success: '已删除' }),
    });
  }

  return (
    <Card
      title="会议记录"
      extra={
        <WriteOnly>
          <Button type="primary" icon={<PlusOutlined />} disabled={organisations.length === 0} onClick={() => void navigate(`/meetings/record${orgFilter ? `?org=${orgFilter}` : ''}`)}>
            记录会议
          </Button>
        </WriteOnly>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <TreeSelect allowClear placeholder="全部党组织" style={{ width: 240 }} treeData={treeData as never} treeDefaultExpandAll value={orgFilter} onChange={(v?: string) => setParams(v ? { org: v } : {})} aria-label="按党组织筛选" />
        <Select allowClear placeholder="全部会议类型" style={{ width: 200 }} value={kindFilter} onChange={setKindFilter} options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))} aria-label="按会议类型筛选" />
        <Select style={{ width: 110 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} aria-label="年份" />
        <Typography.Text type="secondary">共 {filtered.length} 次</Typography.Text>
      </Space>
      <Table<Meeting>
        rowKey="id"
        size="middle"
        dataSource={filtered}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 次` }}
        data-testid="meeting-list"
        locale={{ emptyText: <Empty description={organisations.length === 0 ? '请先建立党组织' : '本年度还没有会议记录'} /> }}
        onRow={(m) => ({ onDoubleClick: () => setViewing(m) })}
        columns={[
          { title: '日期', dataIndex: 'date', key: 'date', width: 110 },
          { title: '党组织', key: 'org', render: (_, m) => orgName.get(m.organisationId) ?? '—' },
          { title: '会议类型', key: 'kind', width: 170, render: (_, m) => MEETING_KIND_LABELS[m.kind] },
          { title: '议题', key: 'topics', ellipsis: true, render: (_, m) => m.topics.join('；') || '—' },
          {
            title: '应到/实到',
            key: 'att',
            width: 170,
            render: (_, m) => {
              const c = countAttendance(m.attendance);
              const timeliness = meetingTimeliness(m, m.createdAt, profile);
              return (
                <Space size={4}>
                  {c.shouldAttend}/{c.present}
                  {m.quorumWarning && <Tag color="warning">人数不足</Tag>}
                  {timeliness.late && (
                    <Tooltip title={timeliness.reason}>
                      <Tag>补录</Tag>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, m) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setViewing(m)}>查看</Button>
                <WriteOnly>
                  <Button type="link" size="small" onClick={() => void navigate(`/meetings/edit/${m.id}`)}>编辑</Button>
                  <Button type="link" size="small" danger onClick={() => confirmDelete(m)}>删除</Button>
                </WriteOnly>
              </Space>
            ),
          },
        ]}
      />
      <MeetingDetail meeting={viewing} orgName={viewing ? (orgName.get(viewing.organisationId) ?? '') : ''} names={names} history={history} onClose={() => setViewing(null)} />
    </Card>
  );
}
