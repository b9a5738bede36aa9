/**
 * One training class: its facts, and its enrolled members with attendance — enrol (报名参训),
 * 全部参训, 缺训 with a reason, 补训 either way, remove; the 签到表 preview. A class the 工委
 * organises is read-only here except for this unit's enrolments.
 */
import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { useScopedNavigate } from '../common/unitScope';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { recordOwner } from '../../../shared/model/tables';
import { missedSomething, sessionLabel } from '../../../shared/model/training';
import { TRAINING_ORGANISER_LABELS } from '../../../shared/model/vocabulary';
import { trainingSignInSheet } from '../../../shared/reports/signInSheet';
import { trainingDates, trainingPlace, trainingSignInRows, type TrainingSignInInput } from '../../../shared/training/signInSheet';
import { enrolledUnitNames } from '../../db/queries/register';
import { deleteTrainingClass, markAllAttended } from '../../db/trainingRepository';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitLedger } from '../common/useUnitLedger';
import { useWriteAction } from '../common/useWriteAction';
import { AbsenceModal } from './AbsenceModal';
import { ClassFormModal } from './ClassFormModal';
import { classCounts, deleteWarning, type ClassCounts } from './classFacts';
import { EnrolModal } from './EnrolModal';
import { EnrolmentTable, type EnrolmentRow } from './EnrolmentTable';
import { MakeUpModal, type MakeUpTarget } from './MakeUpModal';
import { SignInSheetModal } from './SignInSheetModal';
import { useTrainingRecords } from './useTrainingRecords';
import { hoursLabel } from './vocabulary';

/**
 * 报名 3 人，参训 2 人（部分缺课 1 人，未补训 1 人），缺训 1 人（未补训 1 人）; 补训 only when
 * someone made up another class here.
 */
function countsText(c: ClassCounts): string {
  const notMadeUp = (n: number) => (n > 0 ? `未补训 ${n} 人` : '均已补训');
  const partial = c.partial > 0 ? `（部分缺课 ${c.partial} 人，${notMadeUp(c.partialNotMadeUp)}）` : '';
  const absent = c.absent > 0 ? `，缺训 ${c.absent} 人（${notMadeUp(c.absentNotMadeUp)}）` : '';
  const madeUp = c.madeUp > 0 ? `，补训 ${c.madeUp} 人` : '';
  return `报名 ${c.enrolled} 人，参训 ${c.attended} 人${partial}${absent}${madeUp}`;
}

export function ClassDetailPage({ classId }: { classId: string }) {
  const unit = useUnitLedger();
  const training = useTrainingRecords();
  const navigate = useScopedNavigate();
  const location = useLocation();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [editing, setEditing] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  const [signIn, setSignIn] = useState(false);
  const [absence, setAbsence] = useState<Omit<MakeUpTarget, 'mode'> | null>(null);
  const [makeUp, setMakeUp] = useState<MakeUpTarget | null>(null);

  const cls = training?.classes.find((c) => c.id === classId) ?? null;
  // the 工委 sees every unit's enrolments: which unit each member belongs to
  const committeeView = training?.mode === 'committee';
  const enrolledNames = useAppQuery(enrolledUnitNames);
  const unitNames = committeeView ? enrolledNames : null;
  const classes = useMemo(() => new Map((training?.classes ?? []).map((c) => [c.id, c] as const)), [training]);
  const own = useMemo(() => (training?.enrolments ?? []).filter((e) => e.classId === classId), [training, classId]);

  const signInInput = useMemo((): TrainingSignInInput | null => {
    if (!cls || !unit || !training) return null;
    // the committee's own class: the units' members who enrolled, not the committee's roster
    const people = training.enrolled ?? unit;
    return {
      trainingClass: cls,
      enrolments: own,
      members: people.members,
      organisations: people.organisations,
      unit: unit.unit ?? { name: '', partyGroupKind: 'partyGroup' },
    };
  }, [cls, unit, training, own]);

  const rows = useMemo((): EnrolmentRow[] => {
    if (!signInInput || !training) return [];
    const byMember = new Map(own.map((e) => [e.memberId, e] as const));
    const madeUpBy = (memberId: string) => training.enrolments.find((x) => x.memberId === memberId && x.makeUpOfClassId === classId) ?? null;
    const listed = trainingSignInRows(signInInput).map((r) => {
      const e = byMember.get(r.memberId)!;
      return {
        seq: r.seq,
        enrolment: e,
        name: r.name,
        organisation: r.organisation,
        unit: unitNames ? (unitNames.get(e.unitId) ?? '（未登记的单位）') : undefined,
        madeUpBy: cls && missedSomething(e, cls) ? madeUpBy(r.memberId) : null,
      };
    });
    const seen = new Set(listed.map((r) => r.enrolment.id));
    const orphans = own
      .filter((e) => !seen.has(e.id))
      .map((e, i) => ({ seq: listed.length + i + 1, enrolment: e, name: '（已删除的党员）', organisation: '', madeUpBy: null }));
    return [...listed, ...orphans];
  }, [signInInput, training, own, classId, cls, unitNames]);

  if (!unit || !training) return <Spin description="正在读取…" />;
  if (!cls) {
    return (
      <Result
        status="404"
        title="培训班不存在或已删除"
        extra={
          <Button type="primary" onClick={() => void navigate('/training')}>
            返回培训班列表
          </Button>
        }
      />
    );
  }

  // the 工委's view of a unit is read-only: nothing here is its to change
  const mine = !training.readOnly && recordOwner('trainingClass', cls) === training.mode;
  const canEnrol = !training.readOnly && training.mode === 'unit';
  const counts = classCounts(training.enrolments, classes).get(cls.id);
  const today = todayIso();
  const notStarted = cls.startDate > today;
  const openAll = rows.filter((r) => !(r.enrolment.status === 'attended' && r.enrolment.attendedHours === cls.hours) && r.enrolment.status !== 'madeUp' && !r.madeUpBy).length;

  function confirmDelete() {
    if (!cls || !training) return;
    if (training.mode === 'committee' && own.length > 0) {
      modal.warning({ title: `不能删除培训班“${cls.title}”`, content: deleteWarning(cls.id, own, training.mode), okText: '知道了' });
      return;
    }
    modal.confirm({
      title: `删除培训班“${cls.title}”？`,
      content: deleteWarning(cls.id, own, training.mode),
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const done = await run((ctx) => deleteTrainingClass(ctx, cls.id), { success: '已删除' });
        if (done) void navigate('/training');
      },
    });
  }

  function confirmAllAttended() {
    if (!cls) return;
    modal.confirm({
      title: '全部登记为参训？',
      content: `将 ${openAll} 人登记为参训，学时按计划 ${hoursLabel(cls.hours)} 学时（已登记的缺训原因会清除）。补训记录和已补训的缺训保持不变。`,
      okText: '全部参训',
      cancelText: '取消',
      onOk: () => run((ctx) => markAllAttended(ctx, cls.id), { success: '已全部登记为参训' }),
    });
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="class-detail">
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void (location.key === 'default' ? navigate('/training') : navigate(-1))} aria-label="返回培训班列表" />
            <span>{cls.title}</span>
            <Tag color={cls.organiser === 'committee' ? 'red' : undefined}>{TRAINING_ORGANISER_LABELS[cls.organiser]}举办</Tag>
            {notStarted && <Tag color="blue">未开始</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={() => setSignIn(true)}>签到表</Button>
            {mine && <Button onClick={() => setEditing(true)}>编辑</Button>}
            {mine && (
              <Button danger onClick={confirmDelete}>
                删除
              </Button>
            )}
          </Space>
        }
      >
        {!mine && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              training.readOnly
                ? '只读：本单位的报名和参训情况由该单位登记并报送，工委只能查看。'
                : canEnrol
                  ? '本培训班由机关工委举办，班次信息以工委下发的为准，不能修改；请在下方登记本单位党员的报名和参训情况。'
                  : '本培训班由单位自行举办，工委只能查看。'
            }
          />
        )}
        {notStarted && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="培训尚未开始：报名的党员暂按“参训”登记，培训结束后请核对考勤。开始日期之前，本班不计入学时和覆盖率。"
          />
        )}
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="培训类别">{cls.category}</Descriptions.Item>
          <Descriptions.Item label="培训形式">{cls.format || '—'}</Descriptions.Item>
          <Descriptions.Item label="计划学时">{hoursLabel(cls.hours)} 学时</Descriptions.Item>
          <Descriptions.Item label="培训日期">{trainingDates(cls)}</Descriptions.Item>
          <Descriptions.Item label="培训地点">{trainingPlace(cls) || '—'}</Descriptions.Item>
          <Descriptions.Item label="授课人">{cls.lecturer || '—'}</Descriptions.Item>
          {cls.sessions.length > 0 && (
            <Descriptions.Item label="课次" span={3}>
              <span data-testid="class-sessions">
                {cls.sessions.map((x, i) => `${sessionLabel(x, i)} ${hoursLabel(x.hours)} 学时`).join('；')}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title={
          <Space wrap>
            <span>参训人员</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="class-counts">
              {counts ? countsText(counts) : '尚未报名'}
            </Typography.Text>
          </Space>
        }
        extra={
          canEnrol && (
            <Space wrap>
              <Button onClick={confirmAllAttended} disabled={openAll === 0}>
                全部参训
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling(true)} disabled={unit.members.length === 0}>
                报名参训
              </Button>
            </Space>
          )
        }
      >
        {canEnrol && unit.members.length === 0 && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="还没有党员。请先到“组织与党员 → 党员花名册”登记或导入党员，再报名参训。" />
        )}
        <EnrolmentTable
          cls={cls}
          rows={rows}
          classes={classes}
          editable={canEnrol}
          actions={{
            absence: (r) => setAbsence({ enrolment: r.enrolment, name: r.name }),
            makeUpOfMiss: (r) => setMakeUp({ enrolment: r.enrolment, name: r.name, mode: 'ofMiss' }),
            markAsMakeUp: (r) => setMakeUp({ enrolment: r.enrolment, name: r.name, mode: 'asMakeUp' }),
          }}
        />
      </Card>

      <ClassFormModal open={editing} editing={cls} organiser={training.mode} classes={training.classes} enrolled={own.length} onClose={() => setEditing(false)} />
      <EnrolModal trainingClass={cls} open={enrolling} organisations={unit.organisations} members={unit.members} enrolments={own} onClose={() => setEnrolling(false)} />
      <AbsenceModal target={absence} onClose={() => setAbsence(null)} />
      <MakeUpModal target={makeUp} trainingClass={cls} classes={training.classes} enrolments={training.enrolments} onClose={() => setMakeUp(null)} />
      {signInInput && <SignInSheetModal open={signIn} sheet={trainingSignInSheet(signInInput)} rows={trainingSignInRows(signInInput)} onClose={() => setSignIn(false)} />}
    </Space>
  );
}
