/**
 * Where an item came from: the source in words, and for an item the committee's records brought,
 * the record itself — the 红黄牌 (colour, date issued, whether the 工委 has closed it) or the year's
 * 述职评议 — with a link to the workbench, where the 工委's cards and reviews are shown.
 */
import { Space, Tag, Typography } from 'antd';
import type { Rectification } from '../../../shared/model/rectification';
import { CARD_COLOUR_LABELS, RECTIFICATION_SOURCE_LABELS } from '../../../shared/model/vocabulary';
import { chineseDate } from '../../../shared/rules/text';
import { reviewOf } from '../../db/queries/rectification';
import { useScopedNavigate } from '../common/unitScope';
import type { RectificationLedger } from './useRectificationLedger';

/** The linked record in words, e.g. “黄牌（2026年11月28日亮牌）”, or null for the unit's own items. */
export function linkedSourceText(ledger: RectificationLedger, item: Rectification): string | null {
  if (item.source === 'card') {
    const card = item.cardId ? ledger.cards.get(item.cardId) : undefined;
    return card ? `${CARD_COLOUR_LABELS[card.colour]}（${chineseDate(card.issuedOn)}亮牌${card.fixStatus === 'fixed' ? `，工委已于${chineseDate(card.closedOn)}销牌` : ''}）` : '红黄牌（工委已撤销或尚未收到）';
  }
  if (item.source === 'dutyReview') {
    const review = reviewOf(ledger, item);
    return review ? `${review.year}年度述职评议` : '述职评议（工委已修改该问题）';
  }
  return null;
}

export function ItemSource({ ledger, item }: { ledger: RectificationLedger; item: Rectification }) {
  const navigate = useScopedNavigate();
  const card = item.source === 'card' && item.cardId ? ledger.cards.get(item.cardId) : undefined;
  const linked = linkedSourceText(ledger, item);
  if (linked === null) return <Tag>{RECTIFICATION_SOURCE_LABELS[item.source]}</Tag>;
  return (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        {card ? (
          <Tag color={card.colour === 'red' ? 'red' : 'gold'} style={{ fontWeight: 600 }}>
            {CARD_COLOUR_LABELS[card.colour]}
          </Tag>
        ) : (
          <Tag color="purple">{RECTIFICATION_SOURCE_LABELS[item.source]}</Tag>
        )}
        <Typography.Link onClick={() => void navigate('/')} title="工委的红黄牌和述职评议显示在工作台的“工委通知与红黄牌”中">
          {card ? `${chineseDate(card.issuedOn)}亮牌${card.fixStatus === 'fixed' ? ' · 工委已销牌' : ''}` : linked}
        </Typography.Link>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        工委下达，来源不可修改
      </Typography.Text>
    </Space>
  );
}
