/**
 * 宣传 of a year: items published about the unit's party work — title, outlet, its level, date; count and
 * count by outlet. Add, edit and delete (with confirm) unless read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, AutoComplete, Button, Card, Empty, Form, Input, Modal, Space, Statistic, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Publicity } from '../../../shared/model/care';
import { careFigures, inYear } from '../../../shared/rules/duties/care';
import { createPublicity, deletePublicity, updatePublicity } from '../../db/careRepository';
import { fromIso, toIso } from '../common/dates';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { DateField } from './careFields';
import type { CareRecords } from './useCareRecords';

const byDate = <T extends { date: string; createdAt: string }>(a: T, b: T) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

export function PublicityTab({ year, records }: { year: number; records: CareRecords }) {
  const { readOnly } = useUnitScope();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [form, setForm] = useState<{ editing: Publicity | null } | null>(null);
  const rows = useMemo(() => records.publicity.filter((p) => inYear(p.date, year)).sort(byDate), [records, year]);
  const figures = useMemo(() => careFigures(year, { visits: [], commendations: [], publicity: records.publicity }), [records, year]);

  function confirmDelete(p: Publicity) {
    modal.confirm({
      title: `删除宣传稿件“${p.title}”？`,
      content: `${p.date}${p.outlet ? `，${p.outlet}` : ''}。删除后年度报告不再计入。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deletePublicity(ctx, p.id), { success: '已删除宣传稿件' }),
    });
  }

  const add = () => setForm({ editing: null });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Card size="small">
          <Space size={48} wrap data-testid="publicity-totals">
            <Statistic title={`${year}年刊发宣传稿件（篇）`} value={figures.publicity} />
            <Statistic title="刊发媒体（家）" value={figures.publicityByOutlet.length} />
          </Space>
        </Card>
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            登记宣传稿件
          </Button>
        )}
      </Space>
      <Table<Publicity>
        rowKey="id"
        size="middle"
        data-testid="publicity"
        dataSource={rows}
        pagination={rows.length > 50 ? { defaultPageSize: 50, showTotal: (t) => `共 ${t} 篇` } : false}
        locale={{
          emptyText: (
            <Empty
              description={
                readOnly
                  ? `该单位没有${year}年的宣传稿件记录。`
                  : `还没有${year}年的宣传稿件。本单位党建工作的稿件在报刊、网站、新媒体刊发后，点击“登记宣传稿件”记下标题、刊发媒体和日期；年度报告据此统计宣传情况。`
              }
            >
              {!readOnly && (
                <Button type="primary" icon={<PlusOutlined />} onClick={add}>
                  登记宣传稿件
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          { title: '刊发日期', dataIndex: 'date', key: 'date', width: 120 },
          { title: '标题', dataIndex: 'title', key: 'title' },
          { title: '刊发媒体', dataIndex: 'outlet', key: 'outlet', render: (r: string) => r || <Typography.Text type="secondary">—</Typography.Text> },
          { title: '媒体级别', dataIndex: 'level', key: 'level', render: (r: string | undefined) => r || <Typography.Text type="secondary">—</Typography.Text> },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, p: Publicity) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setForm({ editing: p })} aria-label={`编辑宣传稿件“${p.title}”`}>
                        编辑
                      </Button>
                      <Button type="link" size="small" danger onClick={() => confirmDelete(p)} aria-label={`删除宣传稿件“${p.title}”`}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && <PublicityModal open={form !== null} year={year} editing={form?.editing ?? null} onClose={() => setForm(null)} />}
    </Space>
  );
}

interface Values {
  date: Dayjs;
  title: string;
  outlet?: string;
  level?: string;
}

const FIELDS = ['date', 'title', 'outlet', 'level'] as const;

/** Levels offered (any other may be typed). */
export const PUBLICITY_LEVELS = ['中央级', '省级', '市级', '市直机关', '本单位'] as const;

function PublicityModal({ open, year, editing, onClose }: { open: boolean; year: number; editing: Publicity | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ date: fromIso(editing.date)!, title: editing.title, outlet: editing.outlet, level: editing.level ?? '' });
  }, [open, editing, form]);

  async function submit(v: Values) {
    const input = { date: toIso(v.date)!, title: v.title.trim(), outlet: (v.outlet ?? '').trim(), level: (v.level ?? '').trim() };
    const saved = await run((ctx) => (editing ? updatePublicity(ctx, editing.id, input) : createPublicity(ctx, input)), {
      success: editing ? '已保存' : '已登记宣传稿件',
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal open={open} title={editing ? '编辑宣传稿件' : '登记宣传稿件'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="宣传稿件信息">
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写稿件标题' }]}>
          <Input maxLength={200} autoFocus placeholder="例如：市财政局开展“七一”主题党日活动" />
        </Form.Item>
        <Form.Item name="outlet" label="刊发媒体" rules={[{ required: true, whitespace: true, message: '请填写刊发媒体，例如：市直机关党建网' }]}>
          <Input maxLength={200} placeholder="例如：市直机关党建网、某某日报" />
        </Form.Item>
        <Form.Item name="level" label="媒体级别">
          <AutoComplete options={PUBLICITY_LEVELS.map((value) => ({ value }))} maxLength={50} placeholder="选择或输入，例如：市级" style={{ width: 260 }} />
        </Form.Item>
        <DateField label="刊发日期" year={year} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
