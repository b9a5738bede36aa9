/** Wording of the register's sync facts (last bundle, days since), shared by the register and a unit's page. */
import { dateOfInstant } from '../../../shared/rules/dates';
import type { RegisterEntry } from '../../db/queries/register';

/** "最近报送：第 3 号同步包（全量），2026-11-20" (the date in China Standard Time) or "尚未报送同步包". */
export function unitLastBundleText(entry: Pick<RegisterEntry, 'peer'>): string {
  const last = entry.peer?.lastBundle;
  if (!last) return '尚未报送同步包';
  return `最近报送：第 ${last.sequence} 号同步包（${last.snapshot ? '全量' : '增量'}），${dateOfInstant(last.at)}`;
}
