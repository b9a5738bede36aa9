/**
 * 工委通知与红黄牌 on the unit's workbench: the cards the 工委 issued to the unit or its organisations
 * (with the deadline and the days left, and the unit's 整改 answer), its notices (unread first,
 * 标记已读, the files sent with them to open or save) and the quarterly monitoring results the 工委 published for it (its own score only). Under 单位 → a unit in the committee's workspace the same panel is read-only: the
 * committee sees what the unit has answered and read.
 */
import { useMemo, useState } from 'react';
import { Badge, Button, Card, Collapse, Empty, List, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { Card as YellowRedCard } from '../../../shared/model/committee';
import { cardProgress } from '../../../shared/rules/committee/cardProgress';
import { readMarks } from '../../../shared/rules/committee/noticeReads';
import { dateOfInstant } from '../../../shared/rules/dates';
import { chineseDate } from '../../../shared/rules/text';
import { markNoticeRead, rectifyReviewProblem } from '../../db/accountabilityRepository';
import { DUTY_REVIEW_FORMAT_LABELS, DUTY_REVIEW_RATING_LABELS } from '../../../shared/model/vocabulary';
import { unitInbox } from '../../db/queries/accountability';
import { todayIso } from '../common/today';
import { useAppQuery } from '../common/useAppQuery';
import { useUnitScope } from '../common/unitScope';
import { useRuleProfile } from '../common/useRuleProfile';
import { useWriteAction } from '../common/useWriteAction';
import type { RuleProfile } from '../../../shared/rules/profile';
import { parseQuarter } from '../../../shared/rules/committee/monitoring/quarter';
import { AnswerCardModal } from './AnswerCardModal';
import { CardColourTag } from './CardColourTag';
import { NoticeAttachmentList } from './NoticeAttachmentList';

/** The published scores by the indicator names of the profile (ids it does not know shown as they are). */
function indicatorNames(profile: RuleProfile, scores: Readonly<Record<string, number>>): [string, number][] {
  const names = new Map<string, string>(profile.assessment.indicators.map((i) => [i.id, i.name]));
  return Object.entries(scores).map(([id, score]) => [names.get(id) ?? id, score]);
}

export function UnitInboxPanel() {
  const { unitId, readOnly } = useUnitScope();
  const profile = useRuleProfile();
  const inbox = useAppQuery(unitInbox, unitId);
  const run = useWriteAction();
  const asOf = todayIso();
  const [answering, setAnswering] = useState<YellowRedCard | null>(null);

  const view = useMemo(() => {
    if (!inbox) return null;
    const marks = readMarks(inbox.reads);
    const cards = inbox.cards
      .map((card) => ({ card, progress: cardProgress(card, inbox.answers, asOf) }))
      .sort((a, b) => Number(a.progress.stage === 'closed') - Number(b.progress.stage === 'closed') || (a.card.issuedOn < b.card.issuedOn ? 1 : -1));
    const notices = inbox.notices
      .map((notice) => ({ notice, readAt: marks.get(notice.id) ?? null }))
      .sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null) || (a.notice.issuedOn < b.notice.issuedOn ? 1 : -1));
    return { cards, notices, openCards: cards.filter((c) => c.progress.stage !== 'closed').length, unread: notices.filter((n) => n.readAt === null).length };
  }, [inbox, asOf]);

  if (!view || !inbox) return null;
  if (view.cards.length === 0 && view.notices.length === 0 && inbox.assessments.length === 0 && inbox.reviews.length === 0) {
    return (
      <Card title="工委通知与红黄牌" size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未收到工委的通知，未被亮红黄牌。工委的通知和红黄牌随回执送达，导入回执后显示在这里。" />
      </Card>
    );
  }

  const subjectName = (c: YellowRedCard) => (c.subjectKind === 'unit' ? '本单位' : (inbox.organisationNames.get(c.subjectId) ?? '（已删除的党组织）'));

  return (
    <Card
      title={
        <Space>
          工委通知与红黄牌
          {view.openCards > 0 && <Badge count={`${view.openCards} 张未销牌`} style={{ backgroundColor: '#cf1322' }} />}
          {view.unread > 0 && <Badge count={`${view.unread} 条未读`} style={{ backgroundColor: '#d48806' }} />}
        </Space>
      }
      size="small"
    >
      {inbox.assessments.length > 0 && (
        <List
          header={<Typography.Text strong>季度考核结果</Typography.Text>}
          dataSource={[...inbox.assessments]}
          renderItem={(a) => (
            <List.Item data-testid="inbox-assessment">
              <Space wrap>
                <Typography.Text strong>
                  {parseQuarter(a.quarter).period.label}：{a.total} 分
                </Typography.Text>
                {indicatorNames(profile, a.scores).map(([name, score]) => (
                  <Tag key={name}>
                    {name} {score}
                  </Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
      {inbox.reviews.length > 0 && (
        <List
          header={<Typography.Text strong>述职评议</Typography.Text>}
          dataSource={[...inbox.reviews]}
          renderItem={(r) => (
            <List.Item data-testid="inbox-review">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{r.year}年度书记抓基层党建述职评议：</Typography.Text>
                  <Tag color={r.rating === 'poor' ? 'error' : r.rating === 'average' ? 'warning' : 'success'}>{DUTY_REVIEW_RATING_LABELS[r.rating]}</Tag>
                  <Typography.Text type="secondary">
                    {DUTY_REVIEW_FORMAT_LABELS[r.format]}
                    {r.reportedOn ? ` · ${chineseDate(r.reportedOn)}` : ''}
                  </Typography.Text>
                </Space>
                {r.comments ? <Typography.Text>评议意见：{r.comments}</Typography.Text> : null}
                {r.problems.map((p) => {
                  const taken = inbox.reviewItems.some((i) => i.problem === p);
                  return (
                    <Space key={p} wrap>
                      <Typography.Text>问题：{p}</Typography.Text>
                      {taken ? (
                        <Tag color="processing">已建立整改事项</Tag>
                      ) : readOnly ? (
                        <Tag>单位尚未建立整改事项</Tag>
                      ) : (
                        <Button size="small" onClick={() => void run((ctx) => rectifyReviewProblem(ctx, r.id, p), { success: '已建立整改事项，将随下一个同步包报送工委' })}>
                          建立整改事项
                        </Button>
                      )}
                    </Space>
                  );
                })}
              </Space>
            </List.Item>
          )}
        />
      )}
      {view.cards.length > 0 && (
        <List
          header={<Typography.Text strong>红黄牌</Typography.Text>}
          dataSource={view.cards}
          renderItem={({ card, progress }) => (
            <List.Item
              data-testid="inbox-card"
              actions={
                readOnly || progress.stage === 'closed'
                  ? []
                  : [
                      <Button key="answer" type={progress.answer ? 'default' : 'primary'} onClick={() => setAnswering(card)}>
                        {progress.answer ? '更新整改情况' : '建立整改事项'}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={<CardColourTag colour={card.colour} />}
                title={
                  <Space wrap>
                    <span>{card.trigger}</span>
                    <Typography.Text type="secondary">
                      {subjectName(card)} · {chineseDate(card.issuedOn)} · {card.issuer}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    <Typography.Text type={progress.overdue ? 'danger' : progress.stage === 'closed' ? 'success' : 'warning'}>{progress.deadlineText}</Typography.Text>
                    <Typography.Text>{progress.answerText}{progress.answer?.measures ? `：${progress.answer.measures}` : ''}</Typography.Text>
                    {card.evidence ? (
                      // the evidence keeps its lines (a visit's findings and items are several)
                      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', marginBottom: 0 }} data-testid="card-evidence">
                        亮牌依据：{card.evidence}
                      </Typography.Paragraph>
                    ) : null}
                    {card.consequences.length > 0 ? <Typography.Text type="secondary">处理措施：{card.consequences.join('、')}</Typography.Text> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {view.notices.length > 0 && (
        <>
          <Typography.Text strong>通知</Typography.Text>
          <Collapse
            size="small"
            style={{ marginTop: 8 }}
            items={view.notices.map(({ notice, readAt }) => ({
              key: notice.id,
              label: (
                <Space wrap>
                  {readAt ? <Tag>已读</Tag> : <Tag color="orange">未读</Tag>}
                  <span>{notice.title}</span>
                  <Typography.Text type="secondary">
                    {chineseDate(notice.issuedOn)}发布{notice.dueOn ? ` · 请于${chineseDate(notice.dueOn)}前办理` : ''}
                  </Typography.Text>
                  {(inbox.noticeAttachments.get(notice.id)?.length ?? 0) > 0 && <Tag icon={<PaperClipOutlined />}>附件 {inbox.noticeAttachments.get(notice.id)!.length}</Tag>}
                </Space>
              ),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{notice.body || '（无正文）'}</Typography.Paragraph>
                  <NoticeAttachmentList attachments={inbox.noticeAttachments.get(notice.id) ?? []} />
                  {readAt ? (
                    <Typography.Text type="secondary">已于{chineseDate(dateOfInstant(readAt))}标记已读，已读回执随下一个同步包报送工委。</Typography.Text>
                  ) : readOnly ? (
                    <Typography.Text type="secondary">单位尚未标记已读。</Typography.Text>
                  ) : (
                    <Button onClick={() => void run((ctx) => markNoticeRead(ctx, notice.id), { success: '已标记已读，回执将随下一个同步包报送工委' })}>标记已读</Button>
                  )}
                </Space>
              ),
            }))}
          />
        </>
      )}
      <AnswerCardModal card={answering} answer={answering ? (cardProgress(answering, inbox.answers, asOf).answer ?? null) : null} onClose={() => setAnswering(null)} />
    </Card>
  );
}
