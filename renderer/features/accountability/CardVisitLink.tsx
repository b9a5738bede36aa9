/**
 * On the committee's card register: the 联系组 visit a card was issued on (`card.visitId`), as a link
 * that opens the visit under 督导检查 — or, when the visit record was deleted since, words saying so
 * (the card's 依据 still names the visit). Nothing for a card not issued on a visit.
 */
import { Link } from 'react-router';
import { Typography } from 'antd';
import type { Card } from '../../../shared/model/committee';
import { visitName } from '../../../shared/rules/committee/supervisionVisits';
import type { CardRegister } from '../../db/queries/accountability';

export function visitHref(visitId: string): string {
  return `/accountability/visits?visit=${encodeURIComponent(visitId)}`;
}

/** `label`: the words before the visit's name (the detail has its own field label: none there). */
export function CardVisitLink({ card, visits, label = '依据：' }: { card: Pick<Card, 'visitId'>; visits: CardRegister['visits']; label?: string }) {
  if (card.visitId === undefined) return null;
  const visit = visits.get(card.visitId);
  if (!visit || visit.deleted) {
    return (
      <Typography.Text type="secondary" data-testid="card-visit">
        {label}联系组督导检查（记录已删除）
      </Typography.Text>
    );
  }
  return (
    <Link to={visitHref(visit.id)} data-testid="card-visit">
      {label}联系组督导检查（{visitName(visit)}）
    </Link>
  );
}
