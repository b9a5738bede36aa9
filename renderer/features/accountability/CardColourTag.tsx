/** 黄牌 / 红牌 as a coloured tag, the same on both sides. */
import { Tag } from 'antd';
import { CARD_COLOUR_LABELS, type CardColour } from '../../../shared/model/vocabulary';

export function CardColourTag({ colour }: { colour: CardColour }) {
  return (
    <Tag color={colour === 'red' ? 'red' : 'gold'} style={{ fontWeight: 600 }}>
      {CARD_COLOUR_LABELS[colour]}
    </Tag>
  );
}
