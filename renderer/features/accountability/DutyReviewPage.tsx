/**
 * 述职评议 (the committee): for a year, every enrolled unit with its 党组(党委)书记's 述职 — date, way,
 * the committee's rating (好/较好/一般/差), comments and the problems found. 评议 records or corrects
 * it (one per unit and year); each unit's return bundle carries its own review, and the unit can take
 * each problem into its rectification ledger.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, DatePicker, Drawer, Empty, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { DutyReview, EnrolledUnit } from '../../../shared/model/committee';
import { DUTY_REVIEW_FORMAT_LABELS, DUTY_REVIEW_FORMATS, DUTY_REVIEW_RATING_LABELS, DUTY_REVIEW_RATINGS, type DutyReviewFormat, type DutyReviewRating } from '../../../shared/model/vocabulary';
import { chineseDate } from '../../../shared/rules/text';
import { recordDutyReview } from '../../db/accountabilityRepository';
import { dutyReviewRegister } from '../../db/queries/accountability';
import { fromIso, toIso } from '../common/dates';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';

const RATING_COLOUR: Record<DutyReviewRating, string> = { good: 'success', fairlyGood: 'processing', average: 'warning', poor: 'error' };

interface Row {
  unit: EnrolledUnit;
  review: DutyReview | null;
}

interface FormValues {
  secretaryName?: string;
  reportedOn: ReturnType<typeof fromIso>;
  format: DutyReviewFormat;
  rating: DutyReviewRating;
  comments?: string;
  problems?: string;
}

const FIELDS = ['secretaryName', 'reportedOn', 'format', 'rating', 'comments', 'problems'] as const;

function ReviewDrawer({ row, year, onClose }: { row: Row | null; year: number; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!row) return;
    form.resetFields();
    const r = row.review;
    form.setFieldsValue({
      secretaryName: r?.secretaryName ?? '',
      reportedOn: fromIso(r?.reportedOn ?? null),
      format: r?.format ?? 'onSite',
      rating: r?.rating ?? 'good',
      comments: r?.comments ?? '',
      problems: (r?.problems ?? []).join('\n'),
    });
  }, [row, form]);

  async function save() {
    if (!row) return;
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const saved = await run(
      (ctx) =>
        recordDutyReview(ctx, {
          unitId: row.unit.unitId,
          year,
          secretaryName: v.secretaryName ?? '',
          reportedOn: toIso(v.reportedOn),
          format: v.format,
          rating: v.rating,
          comments: v.comments ?? '',
          problems: (v.problems ?? '').split('\n'),
        }),
      { success: `已保存${row.unit.name}的${year}年度述职评议，将随该单位的下一个回执送达`, form, fields: FIELDS },
    );
    setSaving(false);
    if (saved) onClose();
  }

  return (
    <Drawer
      title={row ? `${row.unit.name} · ${year}年度述职评议` : '述职评议'}
      open={row !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Space size="large" wrap>
          <Form.Item name="secretaryName" label="述职书记">
            <Input maxLength={50} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="reportedOn" label="述职日期">
            <DatePicker placeholder="选择日期" />
          </Form.Item>
        </Space>
        <Form.Item name="format" label="述职方式">
          <Radio.Group options={DUTY_REVIEW_FORMATS.map((f) => ({ value: f, label: DUTY_REVIEW_FORMAT_LABELS[f] }))} />
        </Form.Item>
        <Form.Item name="rating" label="评议等次">
          <Radio.Group optionType="button" buttonStyle="solid" options={DUTY_REVIEW_RATINGS.map((r) => ({ value: r, label: DUTY_REVIEW_RATING_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="comments" label="评议意见">
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="problems" label="发现的问题" extra="每行一个问题；单位收到后可逐条建立整改事项。">
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} placeholder={'如：对下属支部“三会一课”督促检查不够\n党建与业务融合不深'} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

export function DutyReviewPage() {
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const register = useAppQuery(dutyReviewRegister, year);
  const [editing, setEditing] = useState<Row | null>(null);
  const rows = useMemo<Row[]>(() => {
    if (!register) return [];
    const byUnit = new Map(register.reviews.map((r) => [r.unitId, r] as const));
    return register.units.map((unit) => ({ unit, review: byUnit.get(unit.unitId) ?? null }));
  }, [register]);
  if (!register) return null;
  const reviewed = rows.filter((r) => r.review !== null).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label="述职年度" value={year} onChange={setYear} style={{ width: 140 }} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年度` }))} />
        <Typography.Text type="secondary">
          已评议 {reviewed}/{rows.length} 个单位
        </Typography.Text>
      </Space>
      <Table<Row>
        rowKey={(r) => r.unit.unitId}
        dataSource={rows}
        size="middle"
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有纳管单位。" /> }}
        columns={[
          { title: '单位', key: 'unit', render: (_, r) => <Link to={`/units/${r.unit.unitId}`}>{r.unit.name}</Link> },
          { title: '述职书记', key: 'secretary', render: (_, r) => r.review?.secretaryName || '—' },
          { title: '述职日期', key: 'date', render: (_, r) => (r.review?.reportedOn ? chineseDate(r.review.reportedOn) : '—') },
          { title: '述职方式', key: 'format', render: (_, r) => (r.review ? DUTY_REVIEW_FORMAT_LABELS[r.review.format] : '—') },
          {
            title: '评议等次',
            key: 'rating',
            render: (_, r) => (r.review ? <Tag color={RATING_COLOUR[r.review.rating]}>{DUTY_REVIEW_RATING_LABELS[r.review.rating]}</Tag> : <Tag>未评议</Tag>),
          },
          { title: '发现的问题', key: 'problems', render: (_, r) => (r.review ? `${r.review.problems.length} 个` : '—') },
          {
            title: '操作',
            key: 'actions',
            render: (_, r) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {r.review ? '修改' : '评议'}
              </Button>
            ),
          },
        ]}
      />
      <ReviewDrawer row={editing} year={year} onClose={() => setEditing(null)} />
    </Space>
  );
}
