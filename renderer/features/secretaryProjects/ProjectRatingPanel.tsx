/**
 * 工委评价 of a 书记项目 (the committee's `projectRating`): the rating on the 述职评议 scale
 * 好/较好/一般/差 and the comment. Under the 工委's 单位 → a unit the committee rates the project or
 * corrects its rating (RatingModal); the unit sees the rating read-only once it has imported the
 * 工委's return bundle, and until then is told where it will come from.
 */
import { useEffect } from 'react';
import { Button, Descriptions, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import type { ProjectRating } from '../../../shared/model/projectRating';
import type { SecretaryProject } from '../../../shared/model/secretaryProject';
import { DUTY_REVIEW_RATING_LABELS, DUTY_REVIEW_RATINGS, type DutyReviewRating } from '../../../shared/model/vocabulary';
import { rateSecretaryProject } from '../../db/projectRatingRepository';
import { useWriteAction } from '../common/useWriteAction';

const RATING_COLOUR: Record<DutyReviewRating, string> = { good: 'success', fairlyGood: 'processing', average: 'warning', poor: 'error' };

export function ProjectRatingPanel({
  project,
  rating,
  canRate,
  onRate,
}: {
  project: SecretaryProject;
  rating: ProjectRating | null;
  /** The 工委 looking at the unit: it may rate. */
  canRate: boolean;
  onRate: () => void;
}) {
  return (
    <Descriptions size="small" column={1} bordered data-testid="project-rating" aria-label="工委评价">
      <Descriptions.Item label="工委评价">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          {rating ? (
            <Space orientation="vertical" size={4}>
              <Tag color={RATING_COLOUR[rating.rating]} data-testid="project-rating-grade">
                {DUTY_REVIEW_RATING_LABELS[rating.rating]}
              </Tag>
              {rating.comment.trim() === '' ? <Typography.Text type="secondary">（无评价意见）</Typography.Text> : <div style={{ whiteSpace: 'pre-wrap' }}>{rating.comment}</div>}
            </Space>
          ) : (
            <Typography.Text type="secondary">
              {canRate ? '尚未评价。' : `工委尚未评价${project.year}年的这个项目：工委评价后，在“同步”中导入工委的回执同步包，评价即显示在这里。`}
            </Typography.Text>
          )}
          {canRate && (
            <Button size="small" icon={<StarOutlined />} onClick={onRate}>
              {rating ? '修改评价' : '评价此项目'}
            </Button>
          )}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

interface Values {
  rating: DutyReviewRating;
  comment?: string;
}

/** The 工委 rates a unit's project (or corrects the rating); sent with the next return bundle. */
export function RatingModal({ unitId, edit, onClose }: { unitId: string; edit: { project: SecretaryProject; rating: ProjectRating | null } | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const run = useWriteAction();

  useEffect(() => {
    if (!edit) return;
    form.resetFields();
    if (edit.rating) form.setFieldsValue({ rating: edit.rating.rating, comment: edit.rating.comment });
  }, [edit, form]);

  async function submit(v: Values) {
    if (!edit) return;
    const saved = await run((ctx) => rateSecretaryProject(ctx, { unitId, projectId: edit.project.id, rating: v.rating, comment: v.comment ?? '' }), {
      success: '已保存评价，将随下次导出的回执同步包发给该单位',
      form,
      fields: ['rating', 'comment'],
    });
    if (saved) onClose();
  }

  return (
    <Modal
      open={edit !== null}
      title={edit ? `评价书记项目：${edit.project.title}` : ''}
      okText="保存评价"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} aria-label="书记项目评价">
        <Form.Item name="rating" label="评价等次" rules={[{ required: true, message: '请选择评价等次（好、较好、一般或差）' }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={DUTY_REVIEW_RATINGS.map((r) => ({ value: r, label: DUTY_REVIEW_RATING_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="comment" label="评价意见" extra="对照项目目标写明成效和不足，单位导入回执同步包后可以看到。">
          <Input.TextArea maxLength={10000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        {edit && (
          <Typography.Text type="secondary">
            {edit.project.year}年，书记：{edit.project.secretaryName}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
