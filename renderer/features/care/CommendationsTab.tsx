/**
 * 表彰 of 先进典型 in a year: who, which honour, at which level, when; totals by level. Add, edit
 * and delete (with confirm) unless read-only.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, AutoComplete, Button, Card, Empty, Form, Input, Modal, Space, Statistic, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Commendation } from '../../../shared/model/care';
import { careFigures, inYear } from '../../../shared/rules/duties/care';
import { createCommendation, deleteCommendation, updateCommendation } from '../../db/careRepository';
import { fromIso, toIso } from '../common/dates';
import { useUnitScope } from '../common/unitScope';
import { useWriteAction } from '../common/useWriteAction';
import { DateField, PersonInput } from './careFields';
import type { CareRecords } from './useCareRecords';

/** Levels offered (any other may be typed). */
export const COMMENDATION_LEVELS = ['全国', '省级', '市级', '市直机关', '本单位'] as const;

const byDate = <T extends { date: string; createdAt: string }>(a: T, b: T) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);

export function CommendationsTab({ year, records }: { year: number; records: CareRecords }) {
  const { readOnly } = useUnitScope();
  const { modal } = App.useApp();
  const run = useWriteAction();
  const [form, setForm] = useState<{ editing: Commendation | null } | null>(null);
  const rows = useMemo(() => records.commendations.filter((c) => inYear(c.date, year)).sort(byDate), [records, year]);
  const figures = useMemo(() => careFigures(year, { visits: [], commendations: records.commendations, publicity: [] }), [records, year]);

  function confirmDelete(c: Commendation) {
    modal.confirm({
      title: `删除“${c.name}”获“${c.honour}”的表彰记录？`,
      content: `${c.date}${c.level ? `，${c.level}` : ''}。删除后年度报告不再计入。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run((ctx) => deleteCommendation(ctx, c.id), { success: '已删除表彰记录' }),
    });
  }

  const add = () => setForm({ editing: null });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Card size="small">
          <Space size={48} wrap data-testid="commendation-totals">
            <Statistic title={`${year}年获表彰（项）`} value={figures.commendations} />
            {figures.commendationsByLevel.map((l) => (
              <Statistic key={l.label} title={l.label} value={l.count} suffix="项" />
            ))}
          </Space>
        </Card>
        {!readOnly && (
          <Button type="primary" icon={<PlusOutlined />} onClick={add}>
            登记表彰
          </Button>
        )}
      </Space>
      <Table<Commendation>
        rowKey="id"
        size="middle"
        data-testid="commendations"
        dataSource={rows}
        pagination={rows.length > 50 ? { defaultPageSize: 50, showTotal: (t) => `共 ${t} 条` } : false}
        locale={{
          emptyText: (
            <Empty
              description={
                readOnly
                  ? `该单位没有${year}年的表彰记录。`
                  : `还没有${year}年的表彰记录。本单位党组织或党员获评优秀共产党员、优秀党务工作者、先进基层党组织等时，点击“登记表彰”记下对象、荣誉名称、级别和日期；年度报告据此统计先进典型。`
              }
            >
              {!readOnly && (
                <Button type="primary" icon={<PlusOutlined />} onClick={add}>
                  登记表彰
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          { title: '表彰日期', dataIndex: 'date', key: 'date', width: 120 },
          { title: '表彰对象', dataIndex: 'name', key: 'name' },
          { title: '荣誉名称', dataIndex: 'honour', key: 'honour' },
          { title: '表彰级别', dataIndex: 'level', key: 'level', render: (r: string) => r || <Typography.Text type="secondary">—</Typography.Text> },
          ...(readOnly
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, c: Commendation) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setForm({ editing: c })} aria-label={`编辑“${c.name}”的表彰`}>
                        编辑
                      </Button>
                      <Button type="link" size="small" danger onClick={() => confirmDelete(c)} aria-label={`删除“${c.name}”的表彰`}>
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {!readOnly && <CommendationModal open={form !== null} year={year} editing={form?.editing ?? null} names={records.memberNames} onClose={() => setForm(null)} />}
    </Space>
  );
}

interface Values {
  date: Dayjs;
  name: string;
  honour: string;
  level?: string;
}

const FIELDS = ['date', 'name', 'honour', 'level'] as const;

function CommendationModal({ open, year, editing, names, onClose }: { open: boolean; year: number; editing: Commendation | null; names: readonly string[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ date: fromIso(editing.date)!, name: editing.name, honour: editing.honour, level: editing.level });
  }, [open, editing, form]);

  async function submit(v: Values) {
    const input = { date: toIso(v.date)!, name: v.name.trim(), honour: v.honour.trim(), level: (v.level ?? '').trim() };
    const saved = await run((ctx) => (editing ? updateCommendation(ctx, editing.id, input) : createCommendation(ctx, input)), {
      success: editing ? '已保存' : `已登记“${input.name}”的表彰`,
      form,
      fields: FIELDS,
    });
    if (saved) onClose();
  }

  return (
    <Modal open={open} title={editing ? '编辑表彰' : '登记表彰'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="表彰信息">
        <Form.Item name="name" label="表彰对象" rules={[{ required: true, whitespace: true, message: '请填写表彰对象（党员姓名或党组织名称）' }]} extra="可从党员名册中选择，也可输入党组织名称。">
          <PersonInput names={names} placeholder="姓名或党组织名称" autoFocus />
        </Form.Item>
        <Form.Item name="honour" label="荣誉名称" rules={[{ required: true, whitespace: true, message: '请填写荣誉名称，例如：优秀共产党员' }]}>
          <Input maxLength={200} placeholder="例如：优秀共产党员、先进基层党组织" />
        </Form.Item>
        <Form.Item name="level" label="表彰级别">
          <AutoComplete options={COMMENDATION_LEVELS.map((value) => ({ value }))} maxLength={50} placeholder="选择或输入，例如：市直机关" style={{ width: 260 }} />
        </Form.Item>
        <DateField label="表彰日期" year={year} />
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
