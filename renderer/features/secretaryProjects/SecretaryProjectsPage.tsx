/**
 * 书记项目 (/projects): the 党组(党委) secretary's project(s) of a year — title, secretary, goal, the
 * milestones (工作节点) with their due dates, done or not, overdue in red, the 推进情况 and the
 * year-end 自评, the 证明材料 (photos, scans: ProjectEvidence.tsx). A unit adds, edits and deletes projects and milestones and ticks a milestone done;
 * under the 工委's 单位 → a unit the page is read-only except the 工委's own 评价 of each project
 * (ProjectRatingPanel.tsx), which the unit sees once the return bundle is imported. Year in the URL
 * (?year=2026). Figures from shared/rules/duties/secretaryProjects.ts (the annual report uses the same).
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Checkbox, Descriptions, Empty, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectRating } from '../../../shared/model/projectRating';
import { hasSplitGoal, type Milestone, type SecretaryProject } from '../../../shared/model/secretaryProject';
import { milestoneDue, secretaryProjectProgress, type MilestoneDue } from '../../../shared/rules/duties/secretaryProjects';
import { chineseDate } from '../../../shared/rules/text';
import { unitProjectRatings } from '../../db/queries/secretaryProjects';
import { deleteSecretaryProject, removeMilestone, setMilestoneDone } from '../../db/secretaryProjectRepository';
import { useAppQuery } from '../common/useAppQuery';
import { todayIso } from '../common/today';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { MilestoneModal, type MilestoneEdit } from './MilestoneModal';
import { ProjectEvidence } from './ProjectEvidence';
import { ProjectModal } from './ProjectModal';
import { ProjectRatingPanel, RatingModal } from './ProjectRatingPanel';
import { useSecretaryProjects } from './useSecretaryProjects';

const OVERDUE = '#cf1322';

function shareText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

function DueTag({ due }: { due: MilestoneDue }) {
  switch (due.state) {
    case 'done':
      return <Tag color="success">已完成</Tag>;
    case 'overdue':
      return <Tag color="error">{due.text}</Tag>;
    case 'dueSoon':
      return <Tag color="warning">{due.text}</Tag>;
    case 'noDue':
      return <Tag>{due.text}</Tag>;
    default:
      return <Tag color="processing">进行中</Tag>;
  }
}

interface Row {
  readonly index: number;
  readonly milestone: Milestone;
  readonly due: MilestoneDue;
}

function TextBlock({ text, empty }: { text: string; empty: string }) {
  return text.trim() === '' ? <Typography.Text type="secondary">{empty}</Typography.Text> : <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>;
}

export function SecretaryProjectsPage() {
  const projects = useSecretaryProjects();
  const { readOnly, mode, unitId } = useUnitScope();
  const ratings = useAppQuery(unitProjectRatings, unitId);
  const ratingOf = useMemo(() => new Map((ratings ?? []).map((r) => [r.projectId, r] as const)), [ratings]);
  const canRate = mode === 'committee';
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [params, setParams] = useSearchParams();
  const [projectForm, setProjectForm] = useState<{ editing: SecretaryProject | null } | null>(null);
  const [milestoneEdit, setMilestoneEdit] = useState<MilestoneEdit | null>(null);
  const [rating, setRating] = useState<{ project: SecretaryProject; rating: ProjectRating | null } | null>(null);

  const asOf = todayIso();
  const thisYear = Number(asOf.slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const all = useMemo(() => projects ?? [], [projects]);
  const years = useMemo(() => [...new Set([thisYear + 1, thisYear, thisYear - 1, year, ...all.map((p) => p.year)])].sort((a, b) => b - a), [all, thisYear, year]);
  const ofYear = useMemo(() => all.filter((p) => p.year === year).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)), [all, year]);
  const progress = useMemo(() => secretaryProjectProgress(ofYear, year, asOf), [ofYear, year, asOf]);
  const secretaryHint = useMemo(() => [...all].sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt))[0]?.secretaryName ?? '', [all]);

  if (!projects) return <Spin description="正在读取…" />;

  function confirmDeleteProject(p: SecretaryProject) {
    modal.confirm({
      title: `删除书记项目“${p.title}”？`,
      content: `${p.year}年，${p.secretaryName}，${p.milestones.length} 个工作节点。删除后年度报告不再计入该项目。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteSecretaryProject(ctx, p.id), { success: '已删除书记项目' }),
    });
  }

  function confirmRemoveMilestone(p: SecretaryProject, r: Row) {
    modal.confirm({
      title: `删除工作节点“${r.milestone.title}”？`,
      content: `${r.milestone.due ? `计划${chineseDate(r.milestone.due)}完成，` : ''}${r.milestone.done ? '已完成' : '尚未完成'}。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => removeMilestone(ctx, p.id, { index: r.index, title: r.milestone.title }), { success: '已删除工作节点' }),
    });
  }

  function toggleDone(p: SecretaryProject, r: Row, done: boolean) {
    void run((ctx) => setMilestoneDone(ctx, p.id, { index: r.index, title: r.milestone.title }, done), {
      success: done ? `已标记“${r.milestone.title}”完成` : `已改为未完成：${r.milestone.title}`,
    });
  }

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setProjectForm({ editing: null })}>
      新增书记项目
    </Button>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            书记项目
          </Typography.Title>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            onChange={(v: number) =>
              setParams(
                (p) => {
                  const next = new URLSearchParams(p);
                  if (v === thisYear) next.delete('year');
                  else next.set('year', String(v));
                  return next;
                },
                { replace: true },
              )
            }
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
          />
        </Space>
        {!readOnly && ofYear.length > 0 && addButton}
      </Space>

      {ofYear.length === 0 ? (
        <Card>
          <Empty
            description={
              readOnly ? (
                `该单位尚未报送${year}年的书记项目。`
              ) : (
                <Space orientation="vertical" size={4}>
                  <Typography.Text>还没有{year}年的书记项目。</Typography.Text>
                  <Typography.Text type="secondary">
                    书记项目是党组(党委)书记每年针对本单位党建工作的突出问题或薄弱环节，亲自领办、推动解决的一个重点项目。
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    点击“新增书记项目”填写项目名称、书记姓名和目标，再把工作分解为有完成日期的工作节点；逾期未完成的节点会列入工作台待办，年度报告取自这里。
                  </Typography.Text>
                </Space>
              )
            }
          >
            {!readOnly && addButton}
          </Empty>
        </Card>
      ) : (
        <Card size="small">
          <Space size={48} wrap data-testid="project-totals">
            <div data-testid="project-count-projects">
              <Statistic title={`${year}年书记项目`} value={ofYear.length} suffix="个" />
            </div>
            <div data-testid="project-count-milestones">
              <Statistic title="工作节点" value={progress.milestones} suffix="个" />
            </div>
            <div data-testid="project-count-done">
              <Statistic title="已完成" value={progress.done} suffix="个" />
            </div>
            <div data-testid="project-count-overdue">
              <Statistic title="逾期未完成" value={progress.overdue} suffix="个" styles={{ content: progress.overdue > 0 ? { color: OVERDUE } : undefined }} />
            </div>
            <div data-testid="project-count-share">
              <Statistic title="完成率" value={shareText(progress.share)} />
            </div>
          </Space>
        </Card>
      )}

      {ofYear.map((p) => {
        const rows: Row[] = p.milestones.map((milestone, index) => ({ index, milestone, due: milestoneDue(milestone, asOf) }));
        return (
          <Card
            key={p.id}
            data-testid="secretary-project"
            aria-label={`书记项目：${p.title}`}
            title={p.title}
            extra={
              !readOnly && (
                <Space>
                  <Button icon={<EditOutlined />} onClick={() => setProjectForm({ editing: p })}>
                    编辑项目
                  </Button>
                  <Button danger icon={<DeleteOutlined />} onClick={() => confirmDeleteProject(p)}>
                    删除项目
                  </Button>
                </Space>
              )
            }
          >
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="书记">{p.secretaryName}</Descriptions.Item>
                <Descriptions.Item label="年度">{p.year}年</Descriptions.Item>
                {hasSplitGoal(p) ? (
                  <>
                    <Descriptions.Item label="针对的问题">
                      <TextBlock text={p.problem ?? ''} empty="未填写" />
                    </Descriptions.Item>
                    <Descriptions.Item label="项目目标">
                      <TextBlock text={p.goal} empty="未填写" />
                    </Descriptions.Item>
                    <Descriptions.Item label="主要措施">
                      <TextBlock text={p.measures ?? ''} empty="未填写" />
                    </Descriptions.Item>
                  </>
                ) : (
                  <Descriptions.Item label="项目目标">
                    <TextBlock text={p.goal} empty="未填写（写明项目针对的问题、目标和主要措施）" />
                  </Descriptions.Item>
                )}
              </Descriptions>

              <Table<Row>
                size="small"
                rowKey={(r) => `${r.index}:${r.milestone.title}`}
                pagination={false}
                dataSource={rows}
                aria-label="工作节点"
                data-testid="milestones"
                onRow={(r) => (r.due.state === 'overdue' ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } : {})}
                title={() => (
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <Typography.Text strong>工作节点</Typography.Text>
                    {!readOnly && (
                      <Button size="small" icon={<PlusOutlined />} onClick={() => setMilestoneEdit({ project: p, editing: null })}>
                        添加工作节点
                      </Button>
                    )}
                  </Space>
                )}
                locale={{ emptyText: readOnly ? '没有工作节点' : '还没有工作节点：把项目分解为几个有完成日期的节点，点击“添加工作节点”。' }}
                columns={[
                  { title: '序号', key: 'n', width: 64, render: (_, r) => r.index + 1 },
                  {
                    title: '节点内容',
                    key: 'title',
                    render: (_, r) => <Typography.Text style={{ color: r.due.state === 'overdue' ? OVERDUE : undefined }}>{r.milestone.title}</Typography.Text>,
                  },
                  {
                    title: '计划完成日期',
                    key: 'due',
                    width: 160,
                    render: (_, r) => <span style={{ color: r.due.state === 'overdue' ? OVERDUE : undefined }}>{r.milestone.due ? chineseDate(r.milestone.due) : '—'}</span>,
                  },
                  { title: '状态', key: 'state', width: 150, render: (_, r) => <DueTag due={r.due} /> },
                  {
                    title: '完成',
                    key: 'done',
                    width: 100,
                    render: (_, r) =>
                      readOnly ? (
                        r.milestone.done ? '是' : '否'
                      ) : (
                        <Checkbox checked={r.milestone.done} aria-label={`“${r.milestone.title}”已完成`} onChange={(e) => toggleDone(p, r, e.target.checked)}>
                          已完成
                        </Checkbox>
                      ),
                  },
                  ...(readOnly
                    ? []
                    : [
                        {
                          title: '操作',
                          key: 'actions',
                          width: 150,
                          render: (_: unknown, r: Row) => (
                            <Space size={0}>
                              <Button type="link" size="small" aria-label={`编辑节点“${r.milestone.title}”`} onClick={() => setMilestoneEdit({ project: p, editing: { index: r.index, milestone: r.milestone } })}>
                                编辑
                              </Button>
                              <Button type="link" size="small" danger aria-label={`删除节点“${r.milestone.title}”`} onClick={() => confirmRemoveMilestone(p, r)}>
                                删除
                              </Button>
                            </Space>
                          ),
                        },
                      ]),
                ]}
              />

              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="推进情况">
                  <TextBlock text={p.progress} empty={readOnly ? '未填写' : '未填写：点击“编辑项目”记录主要做法和阶段成效。'} />
                </Descriptions.Item>
                <Descriptions.Item label="年终自评">
                  <TextBlock text={p.evaluation} empty={readOnly ? '未填写' : '未填写：年底对照目标作出自我评价（点击“编辑项目”）。'} />
                </Descriptions.Item>
              </Descriptions>

              <ProjectEvidence project={p} readOnly={readOnly} />

              <ProjectRatingPanel project={p} rating={ratingOf.get(p.id) ?? null} canRate={canRate} onRate={() => setRating({ project: p, rating: ratingOf.get(p.id) ?? null })} />
            </Space>
          </Card>
        );
      })}

      {!readOnly && (
        <>
          <ProjectModal open={projectForm !== null} year={year} editing={projectForm?.editing ?? null} secretaryHint={secretaryHint} onClose={() => setProjectForm(null)} />
          <MilestoneModal edit={milestoneEdit} onClose={() => setMilestoneEdit(null)} />
        </>
      )}
      {canRate && <RatingModal unitId={unitId} edit={rating} onClose={() => setRating(null)} />}
    </Space>
  );
}
