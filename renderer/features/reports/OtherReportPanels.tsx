/**
 * 党员花名册, 三会一课记录 of an organisation, and 签到表 of a meeting or a training class, for the
 * unit in scope. The worker reads the records; these panels read only what they offer to choose.
 * In the committee's read-only view of a unit the roster is the masked one only.
 */
import { useMemo, useState } from 'react';
import { App, Button, Checkbox, Form, Radio, Select, Space, Typography } from 'antd';
import { MEETING_KIND_LABELS } from '../../../shared/model/vocabulary';
import type { RuleProfile } from '../../../shared/rules/profile';
import { reportChoices, type ReportChoices } from '../../db/queries/reports';
import { recordFullExport } from '../../db/memberRepository';
import { sessionWriteContext } from '../../db/session';
import type { UnitSnapshot } from '../../workers/pdfClient';
import { asOfFor, DEFAULT_ADDRESSEE, reportFileName } from '../common/reportFiles';
import { useAppQuery } from '../common/useAppQuery';
import { usePdfJob } from '../common/usePdfJob';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitScope } from '../common/unitScope';

/** The unit in scope, the year's snapshot options and the choices offered (undefined while loading). */
function useReportSource(year: number): { snapshot: UnitSnapshot; unitName: string; choices: ReportChoices | undefined; readOnly: boolean } {
  const scope = useUnitScope();
  const profile: RuleProfile = useRuleProfile();
  const choices = useAppQuery(reportChoices, scope.unitId, year);
  return {
    snapshot: { unitId: scope.unitId, year, asOf: asOfFor(year), committeeName: DEFAULT_ADDRESSEE, profile },
    unitName: choices?.unitName ?? scope.name,
    choices,
    readOnly: scope.readOnly,
  };
}

export function RosterPanel({ year }: { year: number }) {
  const { modal } = App.useApp();
  const pdf = usePdfJob();
  const { snapshot, unitName, choices, readOnly } = useReportSource(year);
  const [full, setFull] = useState(false);

  const generate = async () => {
    const fullExport = full && !readOnly;
    if (fullExport) {
      const confirmed = await modal.confirm({
        title: '导出完整花名册？',
        content: '完整花名册含全部身份证号，导出将记入审计日志。请妥善保管导出的文件，不要通过互联网传送。',
        okText: '确认导出',
        cancelText: '取消',
      });
      if (!confirmed) return;
    }
    const done = await pdf.run({ kind: 'roster', snapshot, full: fullExport }, reportFileName(unitName, fullExport ? '党员花名册（完整）' : '党员花名册', year));
    if (done && fullExport) await recordFullExport(await sessionWriteContext(), choices?.members ?? 0);
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-report">
      {readOnly ? (
        <Typography.Paragraph type="secondary" data-testid="roster-masked-only">
          工委端只能生成隐去身份证号中间位数的花名册；完整花名册由单位在本单位电脑上导出。
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">身份证号默认隐去中间位数；只有明确选择时才导出完整号码，并记入审计日志。</Typography.Paragraph>
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
            导出完整身份证号（将记入审计日志）
          </Checkbox>
        </>
      )}
      <Button type="primary" onClick={() => void generate()} loading={pdf.running}>
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}

export function MeetingBookPanel({ year }: { year: number }) {
  const pdf = usePdfJob();
  const { snapshot, unitName, choices } = useReportSource(year);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const organisation = choices?.organisations.find((o) => o.id === organisationId);

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
            options={(choices?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
      <Button
        type="primary"
        disabled={organisation === undefined}
        loading={pdf.running}
        onClick={() =>
          organisation && void pdf.run({ kind: 'meetings', snapshot, organisationId: organisation.id }, reportFileName(unitName, `${organisation.name}三会一课记录`, year))
        }
      >
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}

export function SignInPanel({ year }: { year: number }) {
  const pdf = usePdfJob();
  const { snapshot, unitName, choices } = useReportSource(year);
  const [source, setSource] = useState<'meeting' | 'training'>('meeting');
  const [id, setId] = useState<string | null>(null);
  const orgName = useMemo(() => new Map((choices?.organisations ?? []).map((o) => [o.id, o.name])), [choices]);
  const options =
    source === 'meeting'
      ? (choices?.meetings ?? []).map((m) => ({ value: m.id, label: `${m.date} ${orgName.get(m.organisationId) ?? ''}${MEETING_KIND_LABELS[m.kind]}` }))
      : (choices?.classes ?? []).map((c) => ({ value: c.id, label: `${c.startDate} ${c.title}` }));
  const chosen = options.find((o) => o.value === id);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="signin-report">
      <Radio.Group
        value={source}
        onChange={(e) => {
          setSource(e.target.value === 'training' ? 'training' : 'meeting');
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
            source === 'meeting' ? { kind: 'signin-meeting', snapshot, meetingId: chosen.value } : { kind: 'signin-training', snapshot, classId: chosen.value },
            reportFileName(unitName, `签到表${chosen.label.replace(/^\S+\s/, '')}`, year),
          )
        }
      >
        生成 PDF
      </Button>
      {pdf.panel}
    </Space>
  );
}
