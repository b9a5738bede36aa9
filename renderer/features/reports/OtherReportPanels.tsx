/** 党员花名册, 三会一课记录 of an organisation, and 签到表 of a meeting or a training class. */
import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Form, Radio, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Meeting } from '../../../shared/model/meeting';
import type { TrainingClass } from '../../../shared/model/training';
import { MEETING_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { SnapshotOptions } from '../../../shared/reports/reportData';
import { appDatabase } from '../../db/db';
import type { WorkspaceRow } from '../../db/localTypes';
import { recordFullExport } from '../../db/memberRepository';
import { sessionWriteContext } from '../../db/session';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitRecords } from '../common/useUnitRecords';
import { asOfFor, DEFAULT_ADDRESSEE, reportFileName } from './reportSources';
import { usePdfJob } from './usePdfJob';

function useSnapshot(workspace: WorkspaceRow, year: number): SnapshotOptions {
  const profile = useRuleProfile();
  return { unitId: workspace.ownerId, year, asOf: asOfFor(year), committeeName: DEFAULT_ADDRESSEE, profile };
}

export function RosterPanel({ workspace, year }: { workspace: WorkspaceRow; year: number }) {
  const { modal } = App.useApp();
  const pdf = usePdfJob();
  const snapshot = useSnapshot(workspace, year);
  const [full, setFull] = useState(false);
  const members = useUnitRecords()?.members.length ?? 0;

  const generate = async () => {
    if (full) {
      const confirmed = await modal.confirm({
        title: '导出完整花名册？',
        content: '完整花名册含全部身份证号，导出将记入审计日志。请妥善保管导出的文件，不要通过互联网传送。',
        okText: '确认导出',
        cancelText: '取消',
      });
      if (!confirmed) return;
    }
    const done = await pdf.run(snapshot, { kind: 'roster', full }, reportFileName(workspace.name, full ? '党员花名册（完整）' : '党员花名册', year));
    if (done && full) await recordFullExport(await sessionWriteContext(), members);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-report">
      <Typography.Paragraph type="secondary">身份证号默认隐去中间位数；只有明确选择时才导出完整号码，并记入审计日志。</Typography.Paragraph>
      <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
        导出完整身份证号（将记入审计日志）
      </Checkbox>
      <Button type="primary" onClick={() => void generate()} loading={pdf.running}>
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}

export function MeetingBookPanel({ workspace, year }: { workspace: WorkspaceRow; year: number }) {
  const pdf = usePdfJob();
  const snapshot = useSnapshot(workspace, year);
  const records = useUnitRecords();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const organisation = records?.organisations.find((o) => o.id === organisationId);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="meetings-report">
      <Form layout="inline">
        <Form.Item label="党组织" htmlFor="book-organisation">
          <Select
            id="book-organisation"
            style={{ width: 320 }}
            placeholder="选择党组织"
            value={organisationId}
            onChange={setOrganisationId}
            options={(records?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
      <Button
        type="primary"
        disabled={organisation === undefined}
        loading={pdf.running}
        onClick={() => organisation && void pdf.run(snapshot, { kind: 'meetings', organisationId: organisation.id }, reportFileName(workspace.name, `${organisation.name}三会一课记录`, year))}
      >
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}

export function SignInPanel({ workspace, year }: { workspace: WorkspaceRow; year: number }) {
  const pdf = usePdfJob();
  const snapshot = useSnapshot(workspace, year);
  const records = useUnitRecords();
  const [source, setSource] = useState<'meeting' | 'training'>('meeting');
  const [id, setId] = useState<string | null>(null);
  const rows = useLiveQuery(async () => {
    const db = appDatabase();
    const [meetings, classes] = await Promise.all([db.meeting.toArray(), db.trainingClass.toArray()]);
    return {
      meetings: (meetings as unknown as Meeting[]).filter((m) => !m.deleted && m.date.startsWith(`${year}-`)).sort((a, b) => b.date.localeCompare(a.date)),
      classes: (classes as unknown as TrainingClass[]).filter((c) => !c.deleted && c.startDate.startsWith(`${year}-`)),
    };
  }, [year]);
  const orgName = useMemo(() => new Map((records?.organisations ?? []).map((o) => [o.id, o.name])), [records]);
  const options =
    source === 'meeting'
      ? (rows?.meetings ?? []).map((m) => ({ value: m.id, label: `${m.date} ${orgName.get(m.organisationId) ?? ''}${MEETING_KIND_LABELS[m.kind]}` }))
      : (rows?.classes ?? []).map((c) => ({ value: c.id, label: `${c.startDate} ${c.title}` }));
  const chosen = options.find((o) => o.value === id);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="signin-report">
      <Radio.Group
        value={source}
        onChange={(e) => {
          setSource(e.target.value as 'meeting' | 'training');
          setId(null);
        }}
        options={[
          { value: 'meeting', label: '会议' },
          { value: 'training', label: '培训班' },
        ]}
      />
      <Select
        aria-label={source === 'meeting' ? '会议' : '培训班'}
        style={{ width: 420 }}
        placeholder={source === 'meeting' ? `选择${year}年的会议` : `选择${year}年的培训班`}
        value={id}
        onChange={setId}
        options={options}
        notFoundContent={`${year}年没有记录`}
      />
      <Button
        type="primary"
        disabled={chosen === undefined}
        loading={pdf.running}
        onClick={() =>
          chosen &&
          void pdf.run(
            snapshot,
            source === 'meeting' ? { kind: 'signin-meeting', meetingId: chosen.value } : { kind: 'signin-training', classId: chosen.value },
            reportFileName(workspace.name, `签到表${chosen.label.replace(/^\S+\s/, '')}`, year),
          )
        }
      >
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}
