/**
 * 发通知: title, body, dates and the units it goes to — chosen one by one (by name or pinyin
 * initials), all active units at once, or (opened from the unit register) the units its filter
 * shows, said above the list. One confirmation names how many units get it. 添加附件: photos and
 * PDF scans (shared/attachments/fileKind.ts, one at a time, each within the size limit), listed
 * with 移除; each unit gets them with its notice in its return bundle.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, List, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_RECORD } from '../../../shared/attachments/fileKind';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { EnrolledUnit } from '../../../shared/model/committee';
import { sendNotice } from '../../db/accountabilityRepository';
import type { NewAttachment } from '../../db/meetingRepository';
import { platform } from '../../platform';
import { prepareAttachment } from '../common/attachmentPrep';
import { fromIso, toIso } from '../common/dates';
import { matchesName, nameKey } from '../common/nameSearch';
import { todayIso } from '../common/today';
import { useWriteAction } from '../common/useWriteAction';
import { sizeText } from './NoticeAttachmentList';
import type { NoticeRecipients } from './noticeRecipients';

interface FormValues {
  unitIds: string[];
  title: string;
  body?: string;
  issuedOn: ReturnType<typeof fromIso>;
  dueOn: ReturnType<typeof fromIso>;
}

const FIELDS = ['unitIds', 'title', 'body', 'issuedOn', 'dueOn'] as const;

export function SendNoticeDrawer({
  open,
  units,
  onClose,
  preset = null,
}: {
  open: boolean;
  units: readonly EnrolledUnit[];
  onClose: () => void;
  /** Recipients chosen beforehand (the unit register's filter). */
  preset?: NoticeRecipients | null;
}) {
  const [form] = Form.useForm<FormValues>();
  const run = useWriteAction();
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<NewAttachment[]>([]);
  const { message } = App.useApp();
  const activeUnits = useMemo(() => units.filter((u) => u.status === 'active'), [units]);
  const nameKeys = useMemo(() => new Map(activeUnits.map((u) => [u.unitId, nameKey(u.name)] as const)), [activeUnits]);
  const chosen = Form.useWatch('unitIds', form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ unitIds: preset?.unitIds ?? [], title: '', body: '', issuedOn: fromIso(todayIso()), dueOn: null });
    setFiles([]);
  }, [open, form, preset]);

  async function addFile() {
    if (files.length >= MAX_ATTACHMENTS_PER_RECORD) {
      void message.error({ content: `一条通知最多带 ${MAX_ATTACHMENTS_PER_RECORD} 个附件。`, duration: 8 });
      return;
    }
    try {
      const file = await platform().openFile([{ name: '照片或PDF扫描件', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'webp'] }]);
      if (!file) return;
      const prepared = await prepareAttachment(file.name, file.bytes);
      if (files.some((f) => f.sha256 === prepared.sha256)) {
        void message.info(`“${file.name}”已添加过（内容相同），不重复添加。`);
        return;
      }
      setFiles((list) => [...list, prepared]);
    } catch (e) {
      void message.error({ content: isExpectedFailure(e) ? e.error.message : '附件读取失败，请重试。', duration: 8 });
    }
  }

  async function submit() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const sent = await run(
      (ctx) =>
        sendNotice(ctx, {
          unitIds: values.unitIds,
          title: values.title,
          body: values.body ?? '',
          issuedOn: toIso(values.issuedOn) ?? todayIso(),
          dueOn: toIso(values.dueOn),
        }, files),
      { success: `通知${files.length > 0 ? `及 ${files.length} 个附件` : ''}已发给 ${values.unitIds.length} 个单位，将随各单位的下一个回执送达`, form, fields: FIELDS },
    );
    setSaving(false);
    if (sent) onClose();
  }

  return (
    <Drawer
      title="发通知"
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Popconfirm
            title={`确认向 ${chosen.length} 个单位发出此通知？`}
            description={files.length > 0 ? `含 ${files.length} 个附件。发出后不能撤回。` : '发出后不能撤回。'}
            okText="确认发出"
            cancelText="再想想"
            disabled={chosen.length === 0}
            onConfirm={() => void submit()}
          >
            <Button type="primary" loading={saving} onClick={() => (chosen.length === 0 ? void form.validateFields() : undefined)}>
              发出
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {activeUnits.length === 0 ? (
        <Alert type="info" showIcon title="还没有已启用的纳管单位" description="单位的第一个同步包导入并确认后，才能向其发通知。" />
      ) : (
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item label="接收单位" required>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {preset && <Alert type="info" showIcon title={preset.note} data-testid="notice-preset" />}
              <Space>
                <Button size="small" onClick={() => form.setFieldValue('unitIds', activeUnits.map((u) => u.unitId))}>
                  全部纳管单位（{activeUnits.length}）
                </Button>
                <Button size="small" onClick={() => form.setFieldValue('unitIds', [])}>
                  清空
                </Button>
              </Space>
              <Form.Item name="unitIds" noStyle rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个接收单位' }]}>
                <Select
                  mode="multiple"
                  aria-label="接收单位"
                  placeholder="输入单位名称或拼音首字母"
                  maxTagCount="responsive"
                  options={activeUnits.map((u) => ({ value: u.unitId, label: u.name }))}
                  filterOption={(input, option) => {
                    const key = option ? nameKeys.get(option.value) : undefined;
                    return key !== undefined && matchesName(key, input);
                  }}
                />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="title" label="通知标题" rules={[{ required: true, whitespace: true, message: '请填写通知标题' }]}>
            <Input maxLength={200} placeholder="如：关于报送2026年度抓基层党建工作述职材料的通知" />
          </Form.Item>
          <Form.Item name="body" label="通知正文">
            <Input.TextArea autoSize={{ minRows: 6 }} maxLength={5000} showCount />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="issuedOn" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="dueOn" label="办理期限">
              <DatePicker placeholder="不设期限" />
            </Form.Item>
          </Space>
          <Form.Item label="附件" extra={`可添加 PDF 扫描件或照片（JPG、PNG、WebP），每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB；附件随通知下发到每个接收单位。`}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button icon={<PaperClipOutlined />} onClick={() => void addFile()}>
                添加附件
              </Button>
              {files.length > 0 && (
                <List
                  size="small"
                  bordered
                  data-testid="notice-draft-attachments"
                  dataSource={files}
                  renderItem={(f) => (
                    <List.Item
                      actions={[
                        <Button key="remove" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`移除附件${f.name}`} onClick={() => setFiles((list) => list.filter((x) => x.sha256 !== f.sha256))}>
                          移除
                        </Button>,
                      ]}
                    >
                      <Space>
                        {f.mime === 'application/pdf' ? <FilePdfOutlined style={{ color: '#b71c1c' }} /> : <FileImageOutlined style={{ color: '#1677ff' }} />}
                        <span>{f.name}</span>
                        <Typography.Text type="secondary">{sizeText(f.bytes.byteLength)}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Space>
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
