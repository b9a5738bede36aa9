/**
 * 记录会议: one form that adapts to the kind. Attendance is picked from the roster on the meeting
 * day; quorum and vote checks run live and are explained in words; saving is allowed with a
 * failing check, and the warning is stored with the record.
 *
 * The 党组(党委)'s 民主生活会, 理论学习中心组学习 and 党组会议 list 列席人员 (name and post); a 民主生活会 or
 * 中心组 session without the 机关党委专职副书记 among them shows a warning that does not block saving.
 * A 民主评议党员 meeting grades its members (评议等次) and is NOT saved while more are graded 优秀 than
 * the rule profile allows (shared/rules/members/appraisal.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useScopedNavigate, useUnitScope } from '../common/unitScope';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Result, Select, Space, Spin, TreeSelect, Typography, type SelectProps } from 'antd';
import { CopyOutlined, DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { Attendance, Observer, Resolution } from '../../../shared/model/meeting';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, MEETING_KINDS, MEETING_KIND_LABELS, ORGANISATION_KIND_LABELS, type MeetingKind } from '../../../shared/model/vocabulary';
import { requirementsFor } from '../../../shared/rules/profile';
import { hasCommitteeOn } from '../../../shared/rules/organisations/seats';
import { defaultAttendees } from '../../../shared/rules/meetings/meetingAttendees';
import { meetingChecks } from '../../../shared/rules/meetings/meetingChecks';
import { appraisalSaveCheck, deputySecretaryObserverCheck, gradesForKind, hasObservers, organDeputySecretariesOn } from '../../../shared/rules/meetings/organisationalLife';
import { createMeeting, updateMeeting, type NewAttachment } from '../../db/meetingRepository';
import { lastMeetingOfKind, meetingAttachments, unitMeeting } from '../../db/queries/meetings';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';
import { fromIso, toIso } from '../common/dates';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { useWriteAction } from '../common/useWriteAction';
import { organisationTreeSelectData } from '../common/organisationTreeSelect';
import { AttachmentGallery, type GalleryItem } from '../common/AttachmentGallery';
import { prepareAttachment } from '../common/attachmentPrep';
import { AttendanceTable } from './AttendanceTable';
import { clearDraft, loadDraft, saveDraft } from './meetingDraft';
import { DraftOffer } from '../common/DraftOffer';
import { ObserversEditor } from './ObserversEditor';

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
  /** 列席人员 (drafts saved before they existed have none). */
  observers?: Observer[];
}

/** The 列席人员 to store: rows left entirely blank are dropped, names and posts trimmed. */
function observersToSave(list: readonly Observer[]): Observer[] {
  return list.map((o) => ({ name: o.name.trim(), post: o.post.trim() })).filter((o) => o.name !== '' || o.post !== '');
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
  const [observers, setObservers] = useState<Observer[]>([]);
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
      setObservers([...(editing.observers ?? [])]);
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
  // the kinds the rule profile asks of the chosen organisation first (the 党组: 党组会议, 中心组, 民主生活会)
  const kindOptions = useMemo((): SelectProps<MeetingKind>['options'] => {
    const org = organisations.find((o) => o.id === organisationId);
    const option = (k: MeetingKind) => ({ value: k, label: MEETING_KIND_LABELS[k] });
    if (!org) return MEETING_KINDS.map(option);
    // 支委会 only for a branch with a committee seated on the meeting's day (as the compliance rule counts it)
    const seated = data !== undefined && isoDate !== null && hasCommitteeOn(data.seats, org.id, isoDate);
    const own = new Set(requirementsFor(profile, org.kind, seated).map((r) => r.kind));
    return [
      { label: `${ORGANISATION_KIND_LABELS[org.kind]}的规定会议`, options: MEETING_KINDS.filter((k) => own.has(k)).map(option) },
      { label: '其他会议', options: MEETING_KINDS.filter((k) => !own.has(k)).map(option) },
    ];
  }, [organisations, organisationId, profile, data, isoDate]);
  const observerCheck = useMemo(() => (kind ? deputySecretaryObserverCheck(kind, observersToSave(observers)) : null), [kind, observers]);
  const appraisal = useMemo(() => (kind ? appraisalSaveCheck(kind, attendance, profile) : null), [kind, attendance, profile]);
  const deputyNames = useMemo(() => {
    if (!data || !isoDate) return [];
    return organDeputySecretariesOn(organisations, data.seats, isoDate).flatMap((id) => (names.get(id) ? [names.get(id)!] : []));
  }, [data, organisations, isoDate, names]);

  function remember() {
    const v = form.getFieldsValue(true) as Values;
    saveDraft<DraftValue>(draftKey, { values: { ...v, date: toIso(v.date) }, attendance, observers });
  }
  // once 列席人员 were entered, every change is kept — also removing the last one
  const observersEntered = useRef(false);
  useEffect(() => {
    if (observers.length > 0) observersEntered.current = true;
    if (initialised.current && (attendanceTouched || observersEntered.current)) remember();
  }, [attendance, observers]);

  function restoreDraft() {
    if (!draft) return;
    form.setFieldsValue({ ...draft.value.values, date: fromIso(draft.value.values.date) ?? dayjs() });
    setAttendance(draft.value.attendance);
    setObservers(draft.value.observers ?? []);
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
    const lastObservers = last.observers ?? [];
    if (hasObservers(kind) && lastObservers.length > 0 && observersToSave(observers).length === 0) setObservers([...lastObservers]);
    void message.success(`已沿用 ${last.date} 的议题、地点和主持人${hasObservers(kind) && lastObservers.length > 0 ? '及列席人员' : ''}`);
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
    const grades = appraisalSaveCheck(v.kind, attendance, profile);
    if (grades !== null && !grades.ok) {
      void message.error({ content: grades.message, duration: 8 });
      return;
    }
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
      attendance: gradesForKind(v.kind, attendance),
      ...(hasObservers(v.kind) ? { observers: observersToSave(observers) } : {}),
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
              <Select options={kindOptions} disabled={Boolean(editing)} listHeight={320} />
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
          {appraisal && (
            <>
              <Descriptions size="small" column={5} style={{ marginBottom: 8 }} data-testid="appraisal-counts" title="评议等次">
                {APPRAISAL_GRADES.map((g) => (
                  <Descriptions.Item key={g} label={APPRAISAL_GRADE_LABELS[g]}>
                    {appraisal.tally.counts[g]} 人
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label="未评定">{appraisal.tally.ungraded} 人</Descriptions.Item>
              </Descriptions>
              <Alert
                type={appraisal.ok ? 'info' : 'error'}
                showIcon
                title={appraisal.message}
                description={
                  appraisal.tally.withoutGrade > 0 ? `预备党员 ${appraisal.tally.withoutGrade} 人参加评议，不评定等次。` : undefined
                }
                style={{ marginBottom: 8 }}
                data-testid="appraisal-check"
              />
            </>
          )}
          <AttendanceTable
            attendance={attendance}
            names={names}
            grading={kind === 'democraticAppraisal'}
            onChange={(next) => {
              setAttendance(next);
              setAttendanceTouched(true);
            }}
          />
        </Card>

        {kind && hasObservers(kind) && (
          <Card title="列席人员">
            {observerCheck && (
              <Alert type={observerCheck.ok ? 'success' : 'warning'} showIcon title={observerCheck.message} style={{ marginBottom: 12 }} data-testid="observer-check" />
            )}
            <ObserversEditor observers={observers} onChange={setObservers} deputyNames={deputyNames} />
          </Card>
        )}

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
          {appraisal && !appraisal.ok && <Typography.Text type="danger">评为优秀的人数超过规定，调整后才能保存。</Typography.Text>}
        </Space>
      </Space>
    </Form>
  );
}
