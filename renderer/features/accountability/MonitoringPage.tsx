/**
 * 季度考核 (the committee's 季度无感知监控考核): pick a quarter; before it is published the scores are
 * computed live from the records the units sent (unit by unit, with progress: the screen stays
 * usable), ranked, each point lost explained with the records behind it; 发布 freezes them into one
 * assessment record per unit, which each unit's next return bundle carries. A published quarter
 * shows what was published and, when records arrived later, what recomputing would change.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Descriptions, Empty, List, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  compareWithLive,
  mergeScoreTables,
  publishedOfQuarter,
  quarterKeysOfYear,
  scoreQuarter,
  type IndicatorResult,
  type QuarterScoreTable,
  type RecordRef,
  type UnitQuarterScore,
} from '../../../shared/rules/committee/monitoring';
import { parseQuarter } from '../../../shared/rules/committee/monitoring/quarter';
import { ranksByTotal } from '../../../shared/rules/committee/monitoring/ranking';
import { compareIsoDates } from '../../../shared/rules/dates';
import { chineseDate } from '../../../shared/rules/text';
import { profileForQuarter } from '../../../shared/rules/committee/monitoring/quarterlyIndicators';
import { quarterScoresFromLive, quarterScoresFromPublished, type QuarterScorePrint } from '../../../shared/reports/quarterScoreReport';
import { publishQuarterScores } from '../../db/assessmentRepository';
import { monitoringBasis, monitoringInput } from '../../db/queries/monitoring';
import { onAppDatabase } from '../../db/session';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { usePdfJob } from '../common/usePdfJob';
import { useWriteAction } from '../common/useWriteAction';
import { visitHref } from './CardVisitLink';
import { platform } from '../../platform';
import { unitsToScore } from '../../workers/quarterScoresInput';
import { quarterScoreFileName, writeQuarterScoreWorkbook } from './quarterScoreSheet';
import { compareChinese } from '../../../shared/rules/collation';

/** The quarters offered: last year's and this year's that have begun, newest first. */
function quarterChoices(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return [...quarterKeysOfYear(year - 1), ...quarterKeysOfYear(year)].filter((k) => compareIsoDates(parseQuarter(k).period.start, today) <= 0).reverse();
}

/** The newest quarter that has ended (the one to judge), else the running one. */
function defaultQuarter(today: string): string {
  const choices = quarterChoices(today);
  return choices.find((k) => compareIsoDates(parseQuarter(k).period.end, today) < 0) ?? choices[0]!;
}

/** Where a record behind a lost point is shown: the unit's ledger (read-only under 单位 → the unit), or the 工委's own tab. */
function refPath(unitId: string, ref: RecordRef): string {
  const base = `/units/${unitId}`;
  switch (ref.table) {
    case 'meeting':
      return `${base}/meetings`;
    case 'organisation':
    case 'election':
    case 'committeeSeat':
      return `${base}/organisations`;
    case 'member':
      return `${base}/organisations/members`;
    case 'trainingClass':
      return `${base}/training/classes/${encodeURIComponent(ref.id)}`;
    case 'enrolment':
      return `${base}/training/coverage`;
    // the 工委's own records behind 下沉督导调研, 日常指导评价 and 述职评议: their tabs here (a visit opened alone)
    case 'supervisionVisit':
      return visitHref(ref.id);
    case 'dutyReview':
      return '/accountability/reviews';
    default:
      return base;
  }
}

interface Scoring {
  readonly quarter: string;
  readonly done: number;
  readonly total: number;
  readonly table: QuarterScoreTable | null;
  readonly error: string | null;
}

/** Scores the quarter unit by unit, yielding between units; recomputed when the basis changes. */
function useLiveScores(quarter: string, basis: Awaited<ReturnType<typeof monitoringBasis>> | undefined, today: string): Scoring {
  const [state, setState] = useState<Scoring>({ quarter, done: 0, total: 0, table: null, error: null });
  useEffect(() => {
    if (!basis) return;
    let current = true;
    const units = unitsToScore(basis);
    setState({ quarter, done: 0, total: units.length, table: null, error: null });
    void (async () => {
      try {
        const parts: QuarterScoreTable[] = [];
        for (const unit of units) {
          const input = await onAppDatabase(monitoringInput, unit, basis.arrivals.get(unit.unitId) ?? []);
          if (!current) return;
          parts.push(scoreQuarter([input], { quarter, today, profiles: basis.profiles }));
          setState((s) => ({ ...s, done: parts.length }));
          await new Promise((resolve) => setTimeout(resolve, 0)); // let the screen breathe between units
        }
        if (current) setState({ quarter, done: parts.length, total: units.length, table: mergeScoreTables(parts), error: null });
      } catch (e) {
        if (current) setState((s) => ({ ...s, error: `考核分数计算失败：${e instanceof Error ? e.message : String(e)}。请刷新页面重试。` }));
      }
    })();
    return () => {
      current = false;
    };
  }, [quarter, basis, today]);
  return state;
}

/** One indicator of a unit: score, the figures in words, the formula, every point lost with its records. */
function indicatorItem(unitId: string, indicator: IndicatorResult) {
  return {
    key: indicator.id,
    label: `${indicator.name}（权重 ${indicator.weight}）`,
    children: (
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space>
          {indicator.score === null ? <Tag>无数据，按 0 分计</Tag> : <Typography.Text strong>{indicator.score} 分</Typography.Text>}
          <Typography.Text type="secondary">{indicator.summary}</Typography.Text>
        </Space>
        {indicator.formula && <Typography.Text type="secondary">计分方法：{indicator.formula}</Typography.Text>}
        {indicator.lost.length > 0 && (
          <List
            size="small"
            dataSource={[...indicator.lost]}
            renderItem={(l) => (
              <List.Item>
                <Space wrap size={4}>
                  <Tag color="red">−{l.points}</Tag>
                  <span>{l.reason}</span>
                  {l.refs.slice(0, 8).map((r) => (
                    <Link key={`${r.table}:${r.id}`} to={refPath(unitId, r)}>
                      {r.label}
                    </Link>
                  ))}
                  {l.refs.length > 8 && <Typography.Text type="secondary">等 {l.refs.length} 条记录</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    ),
  };
}

export function MonitoringPage() {
  const today = todayIso();
  const [quarter, setQuarter] = useState(() => defaultQuarter(today));
  const basis = useAppQuery(monitoringBasis);
  const scoring = useLiveScores(quarter, basis, today);
  const run = useWriteAction();
  const [publishing, setPublishing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  // 打印: the table as a 公文 计分表, made in the PDF worker from the same records (published, or live on `today`)
  const pdf = usePdfJob();

  const profile = useMemo(() => (basis ? profileForQuarter(basis.profiles, quarter) : null), [basis, quarter]);
  const published = useMemo(() => (basis ? publishedOfQuarter(basis.published, quarter) : []), [basis, quarter]);
  const names = useMemo(() => new Map((basis?.units ?? []).map((u) => [u.unitId, u.name] as const)), [basis]);
  const changes = useMemo(
    () => (published.length > 0 && scoring.table && scoring.quarter === quarter ? compareWithLive(published, scoring.table, names).filter((c) => c.changed) : []),
    [published, scoring, quarter, names],
  );
  // what 导出/打印 give: the published results, else the live preview once computed
  const print: QuarterScorePrint | null = useMemo(() => {
    if (!basis || !profile) return null;
    if (published.length > 0) return quarterScoresFromPublished(basis.published, quarter, profile, names);
    return scoring.table && scoring.quarter === quarter ? quarterScoresFromLive(scoring.table, profile) : null;
  }, [basis, profile, published, quarter, names, scoring]);
  if (!basis || !profile) return null;
  const indicators = profile.assessment.indicators;
  const label = parseQuarter(quarter).period.label;
  const ended = compareIsoDates(parseQuarter(quarter).period.end, today) < 0;
  const computing = scoring.table === null && scoring.error === null;

  async function publish() {
    if (!scoring.table) return;
    setPublishing(true);
    await run((ctx) => publishQuarterScores(ctx, scoring.table!), { success: `${label}考核结果已发布，将随各单位的下一个回执送达` });
    setPublishing(false);
  }

  async function exportSheet() {
    if (!print) return;
    setExporting(true);
    try {
      const bytes = await writeQuarterScoreWorkbook(print);
      const saved = await platform().saveFile(quarterScoreFileName(print, 'xlsx'), bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
      if (saved.saved) void message.success(`已导出“${saved.fileName}”`);
    } catch {
      void message.error('导出失败：文件没有写入。请检查保存位置（如U盘）是否可写、空间是否足够，然后重试。');
    } finally {
      setExporting(false);
    }
  }
  const printable = print !== null && print.units.length > 0;
  const printHint = print === null ? '正在计分，完成后可导出和打印' : print.units.length === 0 ? '没有可打印的单位' : undefined;

  const publishedRows = (() => {
    const ranks = ranksByTotal(published);
    return published
      .map((a, i) => ({ a, rank: ranks[i]!, name: names.get(a.unitId) ?? '（已移出名册的单位）' }))
      .sort((x, y) => x.rank - y.rank || compareChinese(x.name, y.name));
  })();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="monitoring">
      {/* the PDF panel under the buttons, in the same block: no empty gap while it shows nothing */}
      <div>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Select aria-label="考核季度" value={quarter} onChange={setQuarter} style={{ width: 180 }} options={quarterChoices(today).map((k) => ({ value: k, label: parseQuarter(k).period.label }))} />
            {published.length > 0 ? <Tag color="success">已发布</Tag> : <Tag color="processing">预览（未发布）</Tag>}
            <Typography.Text type="secondary">
              依据：{profile.name} 第{profile.version}版；只用各单位已报送的记录计算，单位无需填报
            </Typography.Text>
          </Space>
          <Space wrap>
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!printable} title={printHint} onClick={() => void exportSheet()}>
              导出 Excel
            </Button>
            <Button
              icon={<PrinterOutlined />}
              loading={pdf.running}
              disabled={!printable}
              title={printHint}
              onClick={() => {
                if (print) void pdf.run({ kind: 'quarter-scores', quarter, today }, quarterScoreFileName(print, 'pdf'));
              }}
            >
              打印 PDF
            </Button>
            {published.length === 0 && (
              <Popconfirm
                title={`发布${label}考核结果？`}
                description={ended ? '发布后分数冻结，之后补报的记录不再改变已发布的结果；各单位随下一个回执收到本单位的分数。' : '本季度尚未结束，现在发布将按截至今天的记录计分，且不能重新发布。'}
                okText="确认发布"
                cancelText="取消"
                disabled={!scoring.table || scoring.table.units.length === 0}
                onConfirm={() => void publish()}
              >
                <Button type="primary" loading={publishing} disabled={!scoring.table || scoring.table.units.length === 0}>
                  发布考核结果
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Space>
        <div style={{ marginTop: 8 }}>{pdf.panel}</div>
      </div>
      {published.length === 0 && scoring.table && (
        <Alert
          type="warning"
          showIcon
          data-testid="monitoring-preview-note"
          title={`未发布（预览）：按${chineseDate(scoring.table.computedOn)}已收到的记录计算，补报的记录会改变分数；导出和打印的表同样标明“未发布（预览）”。`}
        />
      )}

      {scoring.error && <Alert type="error" showIcon title={scoring.error} />}
      {computing && scoring.total > 0 && (
        <Space>
          <Typography.Text>正在按各单位报送的记录计分…</Typography.Text>
          <Progress percent={Math.round((100 * scoring.done) / scoring.total)} size="small" style={{ width: 200 }} format={() => `${scoring.done}/${scoring.total}`} />
        </Space>
      )}

      {published.length > 0 ? (
        <>
          {changes.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={`发布后又收到的记录会使 ${changes.length} 个单位的结果不同（已发布的结果不变）`}
              description={
                <List size="small" dataSource={changes} renderItem={(c) => <List.Item>{`${c.name}：${c.sentence}`}</List.Item>} />
              }
            />
          )}
          <Table
            rowKey={(r) => r.a.unitId}
            size="middle"
            dataSource={publishedRows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '排名', key: 'rank', width: 60, render: (_, r) => r.rank },
              { title: '单位', key: 'name', width: 180, render: (_, r) => <Link to={`/units/${r.a.unitId}`}>{r.name}</Link> },
              { title: '总分', key: 'total', width: 80, render: (_, r) => <Typography.Text strong>{r.a.total}</Typography.Text> },
              ...indicators.map((ind) => ({
                title: `${ind.name}（${ind.weight}）`,
                key: ind.id,
                width: 110,
                render: (_: unknown, r: (typeof publishedRows)[number]) => r.a.scores[ind.id] ?? '无数据',
              })),
            ]}
          />
        </>
      ) : scoring.table ? (
        <Table<UnitQuarterScore>
          rowKey="unitId"
          size="middle"
          dataSource={[...scoring.table.units]}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description="还没有已启用的纳管单位，导入各单位的同步包后即可计分。" /> }}
          expandable={{
            expandedRowRender: (u) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {u.missingNote && <Alert type="warning" showIcon title={u.missingNote} />}
                <Descriptions column={1} size="small" bordered items={u.indicators.map((ind) => indicatorItem(u.unitId, ind))} />
              </Space>
            ),
          }}
          columns={[
            { title: '排名', dataIndex: 'rank', key: 'rank', width: 60 },
            { title: '单位', key: 'name', width: 180, render: (_, u) => <Link to={`/units/${u.unitId}`}>{u.name}</Link> },
            { title: '总分', key: 'total', width: 80, render: (_, u) => <Typography.Text strong>{u.total}</Typography.Text> },
            ...indicators.map((ind) => ({
              title: `${ind.name}（${ind.weight}）`,
              key: ind.id,
              width: 110,
              render: (_: unknown, u: UnitQuarterScore) => {
                const s = u.indicators.find((i) => i.id === ind.id)?.score;
                return s === null || s === undefined ? <Tag>无数据</Tag> : s;
              },
            })),
          ]}
        />
      ) : null}
    </Space>
  );
}
