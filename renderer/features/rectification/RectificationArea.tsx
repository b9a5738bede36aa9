/** 整改落实 (/rectification): the unit's rectification ledger, one page (read-only under the committee's 单位 → a unit). */
import { RectificationPage } from './RectificationPage';

export function RectificationArea() {
  return <RectificationPage />;
}
