/**
 * 培训班: the classes of a year (this year by default), filtered by category and organiser, with
 * how many attended; new, edit and delete for this workspace's own classes. Filters live in the
 * URL, so coming back from a class finds them as they were.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useScopedNavigate } from '../common/unitScope';
import { App, Button, Card, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TrainingClass } from '../../../shared/model/training';
import { recordOwner } from '../../../shared/model/tables';
import { TRAINING_ORGANISERS, TRAINING_ORGANISER_LABELS, type TrainingOrganiser } from '../../../shared/model/vocabulary';
import { trainingPlace } from '../../../shared/training/signInSheet';
import { deleteTrainingClass } from '../../db/trainingRepository';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';
import { ClassFormModal } from './ClassFormModal';
import { classCounts, classDates, compareClasses, deleteWarning } from './classFacts';
import { useTrainingRecords } from './useTrainingRecords';
import { DEFAULT_CATEGORIES, hoursLabel, suggestions } from './vocabulary';

const ALL = 'all';

export function TrainingClassesPage() {
  const data = useTrainingRecords();
  const navigate = useScopedNavigate();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<{ editing: TrainingClass | null } | null>(null);
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));

  const year = params.get('year') ?? String(thisYear);
  const category = params.get('category') ?? undefined;
  const organiser = (params.get('organiser') as TrainingOrganiser | null) ?? undefined;
  const setFilter = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === undefined) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const classes = useMemo(() => data?.classes ?? [], [data]);
  const counts = useMemo(() => classCounts(data?.enrolments ?? [], new Map((data?.classes ?? []).map((c) => [c.id, c] as const))), [data]);
  const years = useMemo(() => [...new Set([thisYear, ...classes.map((c) => Number(c.startDate.slice(0, 4)))])].sort((a, b) => b - a), [classes, thisYear]);
  const categories = useMemo(() => suggestions(DEFAULT_CATEGORIES, classes.map((c) => c.category)), [classes]);
  const shown = useMemo(
    () =>
      classes
        .filter((c) => (year === ALL || c.startDate.startsWith(`${year}-`)) && (!category || c.category === category) && (!organiser || c.organiser === organiser))
        .sort(compareClasses),
    [classes, year, category, organiser],
  );

  if (!data) return <Spin description="正在读取…" />;
  const mode = data.mode;
  const ownClass = (c: TrainingClass) => !data.readOnly && recordOwner('trainingClass', c) === mode;

  function confirmDelete(c: TrainingClass) {
    if (mode === 'committee' && (data?.enrolments ?? []).some((e) => e.classId === c.id)) {
      modal.warning({ title: `不能删除培训班“${c.title}”`, content: deleteWarning(c.id, data?.enrolments ?? [], mode), okText: '知道了' });
      return;
    }
    modal.confirm({
      title: `删除培训班“${c.title}”？`,
      content: deleteWarning(c.id, data?.enrolments ?? [], mode),
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteTrainingClass(ctx, c.id), { success: '已删除' }),
    });
  }

  return (
    <Card
      title="培训班"
      extra={
        !data.readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>
            新增培训班
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 120 }}
          value={year}
          onChange={(v) => setFilter('year', v === String(thisYear) ? undefined : v)}
          aria-label="按年度筛选"
          options={[...years.map((y) => ({ value: String(y), label: `${y}年` })), { value: ALL, label: '全部年度' }]}
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder="全部类别"
          value={category}
          onChange={(v?: string) => setFilter('category', v)}
          aria-label="按培训类别筛选"
          options={categories.map((c) => ({ value: c.value, label: c.value }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder="全部主办方"
          value={organiser}
          onChange={(v?: string) => setFilter('organiser', v)}
          aria-label="按主办方筛选"
          options={TRAINING_ORGANISERS.map((o) => ({ value: o, label: TRAINING_ORGANISER_LABELS[o] }))}
        />
        <Typography.Text type="secondary" data-testid="class-count">
          共 {shown.length} 个培训班
        </Typography.Text>
      </Space>
      <Table<TrainingClass>
        rowKey="id"
        size="middle"
        dataSource={shown}
        data-testid="class-list"
        pagination={shown.length > 20 ? { defaultPageSize: 20, showTotal: (t) => `共 ${t} 个` } : false}
        locale={{
          emptyText: (
            <Empty
              description={
                classes.length === 0
                  ? '还没有培训班。点击“新增培训班”登记本单位举办的培训；工委举办的培训班会随工委的同步包到达。'
                  : '没有符合条件的培训班，可更换年度或清除筛选条件。'
              }
            />
          ),
        }}
        columns={[
          {
            title: '培训班名称',
            key: 'title',
            width: 240,
            render: (_, c) => (
              <Space size={4} wrap>
                <Button type="link" size="small" style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => void navigate(`/training/classes/${c.id}`)}>
                  {c.title}
                </Button>
                {c.organiser === 'committee' && <Tag color="red">工委举办</Tag>}
                {c.startDate > today && <Tag color="blue">未开始</Tag>}
              </Space>
            ),
          },
          {
            title: '类别 / 形式',
            key: 'category',
            width: 150,
            render: (_, c) => (
              <>
                <div>{c.category}</div>
                {c.format && <Typography.Text type="secondary">{c.format}</Typography.Text>}
              </>
            ),
          },
          { title: '培训日期', key: 'dates', width: year === ALL ? 190 : 110, render: (_, c) => classDates(c, year === ALL) },
          { title: '地点', key: 'place', ellipsis: { showTitle: true }, render: (_, c) => trainingPlace(c) || '—' },
          { title: '计划学时', key: 'hours', width: 84, align: 'right', render: (_, c) => hoursLabel(c.hours) },
          {
            title: '参训情况',
            key: 'counts',
            width: 170,
            render: (_, c) => {
              const n = counts.get(c.id);
              if (!n) return <Typography.Text type="secondary">尚未报名</Typography.Text>;
              return (
                <Space size={4} wrap>
                  <span>
                    参训 {n.attended + n.madeUp} / 报名 {n.enrolled}
                  </span>
                  {n.absentNotMadeUp + n.partialNotMadeUp > 0 && <Tag color="warning">未补训 {n.absentNotMadeUp + n.partialNotMadeUp}</Tag>}
                </Space>
              );
            },
          },
          {
            title: '操作',
            key: 'actions',
            width: mode === 'unit' ? 130 : 100,
            render: (_, c) =>
              ownClass(c) ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setForm({ editing: c })}>
                    编辑
                  </Button>
                  <Button type="link" size="small" danger onClick={() => confirmDelete(c)}>
                    删除
                  </Button>
                </Space>
              ) : (
                <Button type="link" size="small" onClick={() => void navigate(`/training/classes/${c.id}`)}>
                  {mode === 'unit' && !data.readOnly ? '查看 / 登记参训' : '查看'}
                </Button>
              ),
          },
        ]}
      />
      <ClassFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        organiser={mode}
        classes={classes}
        onClose={() => setForm(null)}
        onSaved={(c) => {
          if (!form?.editing) void navigate(`/training/classes/${c.id}`);
        }}
      />
    </Card>
  );
}
