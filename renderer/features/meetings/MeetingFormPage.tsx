/**
 * 记录会议: one form that adapts to the kind. Attendance is picked from the roster on the meeting
 * day; quorum and vote checks run live and are explained in words; saving is allowed with a
 * failing check, and the warning is stored with the record.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useScopedNavigate, useUnitScope } from '../common/unitScope';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Result, Select, Space, Spin, TreeSelect, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { Attendance, Resolution } from '../../../shared/model/meeting';
import { MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind } from '../../../shared/model/vocabulary';
import { defaultAttendees } from '../../../shared/rules/meetings/meetingAttendees';
import { meetingChecks } from '../../../shared/rules/meetings/meetingChecks';
import { createMeeting, updateMeeting, type NewAttachment } from '../../db/meetingRepository';
import { lastMeetingOfKind, meetingAttachments, unitMeeting } from '../../db/queries/meetings';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';
import { fromIso, toIso } from '../common/dates';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { useWriteAction } from '../common/useWriteAction';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { AttachmentGallery, type GalleryItem } from './AttachmentGallery';
import { prepareAttachment } from './attachmentPrep';
import { AttendanceTable } from './AttendanceTable';
import { clearDraft, loadDraft, saveDraft } from './meetingDraft';
import { DraftOffer } from '../common/DraftOffer';

/** Kinds whose record carries resolutions and votes. */
const VOTING_KINDS: readonly MeetingKind[] = ['branchGeneralMeeting', 'branchCommitteeMeeting', 'democraticAppraisal', 'electionAssembly', 'leadingGroupMeeting'];

interface Values {
  organisationId: string;
  kind: MeetingKind;
  date: Dayjs;
  place?: string;
  chair?: string;
  recorder?: string;
  lecturer?: string;
  topics?: string[];
  minutes?: string;
  resolutions?: Resolution[];
}

interface DraftValue {
  values: Omit<Values, 'date'> & { date: string | null };
  attendance: Attendance[];
}

const FIELDS = ['organisationId', 'kind', 'date', 'place', 'chair', 'recorder', 'lecturer', 'topics', 'minutes', 'resolutions'];

export function MeetingFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useScopedNavigate();
  const { message } = App.useApp();
  const run = useWriteAction();
  const profile = useRuleProfile();
  const data = useUnitLedger();
  const { unitId } = useUnitScope();
  const editing = useLiveQuery(async () => (id ? onAppDatabase(unitMeeting, unitId, id) : null), [unitId, id]);
  const [form] = Form.useForm<Values>();
  const [attendance, setAttendance] = useState<Attendance[]>([]);
  const [attendanceTouched, setAttendanceTouched] = useState(false);
  const [kept, setKept] = useState<GalleryItem[]>([]);
  const [added, setAdded] = useState<NewAttachment[]>([]);
  const [saving, setSaving] = useState(false);
  const [draft, setDraft] = useState<ReturnType<typeof loadDraft<DraftValue>>>(null);
  const initialised = useRef(false);
  const draftKey = id ?? 'new';

  const organisationId = Form.useWatch('organisationId', form);
  const kind = Form.useWatch('kind', form);
  const date = Form.useWatch('date', form);
  const resolutions = Form.useWatch('resolutions', form);
  const isoDate = toIso(date);

  const organisations = useMemo(() => data?.organisations ?? [], [data]);
  const names = useMemo(() => new Map((data?.members ?? []).map((m) => [m.id, m.name])), [data]);
  const treeData = useMemo(() => organisationTreeSelectData(organisations), [organisations]);

  // Fill the form once: from the record being edited, or from the link's org/kind/date.
  useEffect(() => {
    if (initialised.current || !data || editing === undefined) return;
    initialised.current = true;
    if (editing) {
      form.setFieldsValue({ ...editing, date: fromIso(editing.date)! });
      setAttendance(editing.attendance);
      setAttendanceTouched(true);
      void onAppDatabase(meetingAttachments, editing.attachmentIds).then((list) =>
        setKept(list.map((a) => ({ key: a.id, name: a.name, mime: a.mime, sha256: a.sha256 }))),
      );
    } else {
      form.setFieldsValue({
        organisationId: params.get('org') ?? undefined,
        kind: (params.get('kind') as MeetingKind | null) ?? 'themedPartyDay',
        date: params.get('date') ? fromIso(params.get('date'))! : dayjs(),
        topics: [''],
      });
    }
    setDraft(loadDraft<DraftValue>(draftKey));
  }, [data, editing, form, params, draftKey]);

  // The list of attendees follows the organisation, kind and day until the user changes a row.
  useEffect(() => {
    if (!data || !organisationId || !kind || !isoDate || attendanceTouched) return;
    setAttendance(defaultAttendees(kind, organisationId, isoDate, organisations, data.members, data.seats));
  }, [data, organisationId, kind, isoDate, organisations, attendanceTouched]);

  const checks = useMemo(
    () =>
      kind && organisationId && isoDate
        ? meetingChecks({ kind, organisationId, date: isoDate, attendance, resolutions: (resolutions ?? []).filter((r) => r?.text) }, data?.seats ?? [], profile)
        : null,
    [kind, organisationId, isoDate, attendance, resolutions, data?.seats, profile],
  );

  function remember() {
    const v = form.getFieldsValue(true) as Values;
    saveDraft<DraftValue>(draftKey, { values: { ...v, date: toIso(v.date) }, attendance });
  }
  useEffect(() => {
    if (initialised.current && attendanceTouched) remember();
  }, [attendance]);

  function restoreDraft() {
    if (!draft) return;
    form.setFieldsValue({ ...draft.value.values, date: fromIso(draft.value.values.date) ?? dayjs() });
    setAttendance(draft.value.attendance);
    setAttendanceTouched(true);
    setDraft(null);
  }

  async function copyLast() {
    if (!organisationId || !kind) return;
    const last = await onAppDatabase(lastMeetingOfKind, organisationId, kind);
    if (!last) {
      void message.info(`该党组织还没有${MEETING_KIND_LABELS[kind]}记录可以沿用`);
      return;
    }
    form.setFieldsValue({ topics: last.topics, place: last.place, chair: last.chair, recorder: last.recorder, lecturer: last.lecturer });
    const previous = new Map(last.attendance.map((a) => [a.memberId, a]));
    setAttendance((list) => list.map((a) => (previous.get(a.memberId)?.status === 'excluded' ? { ...a, status: 'excluded', note: previous.get(a.memberId)!.note } : a)));
    void message.success(`已沿用 ${last.date} 的议题、地点和主持人`);
  }

  async function addFiles() {
    try {
      const file = await platform().openFile([{ name: '照片或扫描件', extensions: ['jpg', 'jpeg', 'png', 'webp', 'pdf'] }]);
      if (!file) return;
      const prepared = await prepareAttachment(file.name, file.bytes);
      setAdded((list) => [...list, prepared]);
    } catch (e) {
      void message.error({ content: isExpectedFailure(e) ? e.error.message : '附件读取失败，请重试。', duration: 8 });
    }
  }

  async function submit(v: Values) {
    setSaving(true);
    const input = {
      organisationId: v.organisationId,
      kind: v.kind,
      date: toIso(v.date)!,
      place: v.place ?? '',
      chair: v.chair ?? '',
      recorder: v.recorder ?? '',
      lecturer: v.kind === 'partyLecture' ? (v.lecturer ?? '') : '',
      topics: (v.topics ?? []).map((t) => t?.trim()).filter((t): t is string => Boolean(t)),
      minutes: v.minutes ?? '',
      attendance,
      resolutions: VOTING_KINDS.includes(v.kind) ? (v.resolutions ?? []).filter((r) => r?.text?.trim()) : [],
      quorumWarning: checks?.warning ?? null,
      keptAttachmentIds: kept.map((k) => k.key),
    };
    const saved = await run((ctx) => (editing ? updateMeeting(ctx, editing.id, input, added) : createMeeting(ctx, input, added)), {
      success: checks?.warning ? '已保存（人数提示已一并记录）' : '已保存',
      form,
      fields: FIELDS,
    });
    setSaving(false);
    if (saved) {
      clearDraft(draftKey);
      void navigate(`/meetings?org=${saved.organisationId}`);
    }
  }

  if (!data || editing === undefined) return <Spin description="正在读取…" />;
  if (id && editing === null) return <Result status="404" title="会议记录不存在或已删除" extra={<Button onClick={() => void navigate('/meetings')}>返回会议记录</Button>} />;
  if (organisations.length === 0) return <Result status="info" title="请先建立党组织" subTitle="会议记录属于某个党组织。请先到“组织与党员 → 组织树”建立党组织。" />;

  const counts = checks?.counts;
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={() => initialised.current && remember()} aria-label="会议记录">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {editing ? `编辑会议记录：${MEETING_KIND_LABELS[editing.kind]} ${editing.date}` : '记录会议'}
        </Typography.Title>
        {draft && (
          <DraftOffer
            savedAt={draft.savedAt}
            onRestore={restoreDraft}
            onDiscard={() => {
              clearDraft(draftKey);
              setDraft(null);
            }}
          />
        )}
        <Card title="基本信息" extra={!editing && <Button icon={<CopyOutlined />} onClick={() => void copyLast()}>沿用上次同类会议</Button>}>
          <Space size={16} align="start" wrap>
            <Form.Item name="organisationId" label="党组织" rules={[{ required: true, message: '请选择党组织' }]} style={{ width: 260 }}>
              <TreeSelect treeData={treeData as never} treeDefaultExpandAll placeholder="选择党组织" disabled={Boolean(editing)} />
            </Form.Item>
            <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]} style={{ width: 220 }}>
              <Select options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))} disabled={Boolean(editing)} />
            </Form.Item>
            <Form.Item name="date" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Space size={16} align="start" wrap>
            <Form.Item name="place" label="地点">
              <Input maxLength={200} style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="chair" label="主持人">
              <Input maxLength={50} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="recorder" label="记录人">
              <Input maxLength={50} style={{ width: 140 }} />
            </Form.Item>
            {kind === 'partyLecture' && (
              <Form.Item name="lecturer" label="授课人" rules={[{ required: true, whitespace: true, message: '党课请填写授课人' }]}>
                <Input maxLength={50} style={{ width: 140 }} />
              </Form.Item>
            )}
          </Space>
          <Form.List name="topics">
            {(fields, { add, remove }) => (
              <Form.Item label="议题">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((field, i) => (
                    <Space key={field.key} style={{ width: '100%' }}>
                      <Form.Item name={field.name} noStyle>
                        <Input maxLength={200} style={{ width: 560 }} placeholder={`议题${i + 1}`} aria-label={`议题${i + 1}`} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={`删除议题${i + 1}`} onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                    添加议题
                  </Button>
                </Space>
              </Form.Item>
            )}
          </Form.List>
        </Card>

        <Card title="参会人员">
          {counts && (
            <Descriptions size="small" column={4} style={{ marginBottom: 12 }} data-testid="attendance-counts">
              <Descriptions.Item label="应到">{counts.shouldAttend} 人</Descriptions.Item>
              <Descriptions.Item label="其中有表决权">{counts.shouldAttendVoting} 人</Descriptions.Item>
              <Descriptions.Item label="实到">{counts.present} 人</Descriptions.Item>
              <Descriptions.Item label="缺席 / 不计入">
                {counts.absent} / {counts.excluded} 人
              </Descriptions.Item>
            </Descriptions>
          )}
          {checks?.checks.map((c) => (
            <Alert key={c.message} type={c.ok ? 'success' : 'warning'} showIcon title={c.message} style={{ marginBottom: 8 }} data-testid="quorum-check" />
          ))}
          <AttendanceTable
            attendance={attendance}
            names={names}
            onChange={(next) => {
              setAttendance(next);
              setAttendanceTouched(true);
            }}
          />
        </Card>

        {kind && VOTING_KINDS.includes(kind) && (
          <Card title="决议与表决">
            <Form.List name="resolutions">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((field, i) => (
                    <Space key={field.key} align="start" wrap>
                      <Form.Item name={[field.name, 'text']} label={`决议${i + 1}`} rules={[{ required: true, whitespace: true, message: '请填写决议内容' }]}>
                        <Input maxLength={2000} style={{ width: 420 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'yes']} label="赞成" initialValue={0}>
                        <InputNumber min={0} precision={0} style={{ width: 80 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'no']} label="反对" initialValue={0}>
                        <InputNumber min={0} precision={0} style={{ width: 80 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'abstain']} label="弃权" initialValue={0}>
                        <InputNumber min={0} precision={0} style={{ width: 80 }} />
                      </Form.Item>
                      <Form.Item label=" ">
                        <Button icon={<DeleteOutlined />} aria-label={`删除决议${i + 1}`} onClick={() => remove(field.name)} />
                      </Form.Item>
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', yes: 0, no: 0, abstain: 0 })}>
                    添加决议
                  </Button>
                </Space>
              )}
            </Form.List>
          </Card>
        )}

        <Card title="会议记录">
          <Form.Item name="minutes" noStyle>
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 24 }} maxLength={100000} placeholder="会议主要内容、发言摘要等" aria-label="会议记录内容" />
          </Form.Item>
        </Card>

        <Card title="附件（照片、签到表或会议记录扫描件）" extra={<Button icon={<PaperClipOutlined />} onClick={() => void addFiles()}>添加附件</Button>}>
          <AttachmentGallery
            items={[...kept, ...added.map((a, i) => ({ key: `new-${i}-${a.sha256}`, name: a.name, mime: a.mime, sha256: a.sha256, bytes: a.bytes, thumbnail: a.thumbnail }))]}
            onRemove={(key) => {
              if (key.startsWith('new-')) setAdded((list) => list.filter((_, i) => !key.startsWith(`new-${i}-`)));
              else setKept((list) => list.filter((k) => k.key !== key));
            }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            支持 JPG、PNG、WebP 照片和 PDF 扫描件，单个文件不超过 20 MB。
          </Typography.Paragraph>
        </Card>

        <Space>
          <Button type="primary" size="large" htmlType="submit" loading={saving}>
            保存会议记录
          </Button>
          <Button size="large" onClick={() => void navigate(-1)}>
            取消
          </Button>
          {checks?.warning && <Typography.Text type="warning">人数不足的提示将随记录一并保存。</Typography.Text>}
        </Space>
      </Space>
    </Form>
  );
}
