/**
 * Phrases the annual and the city report both write, so that both say a thing the same way and
 * every breakdown adds up to its total: the 基层党组织 by kind (and what is not one), the 换届
 * lights with extensions in the colour they are counted in and the red ones by why, the cadre
 * ratio with the small-unit rule in words.
 */
import { ORGANISATION_KIND_LABELS, TERM_LIGHT_LABELS, type OrganisationKind } from '../model/vocabulary';
import { BASE_LEVEL_KINDS } from '../rules/organisations/organisations';
import type { TermBreakdown, TermLightCounts } from '../rules/summaries';

/** “基层党组织7个（党总支1个、党支部6个），另设党小组2个” — `others` is 另设 or 另有. */
export function organisationsPhrase(byKind: Readonly<Record<OrganisationKind, number>>, baseLevel: number, others: '另设' | '另有'): string {
  const parts = (kinds: readonly OrganisationKind[]): string[] =>
    kinds.filter((k) => byKind[k] > 0).map((k) => `${ORGANISATION_KIND_LABELS[k]}${byKind[k]}个`);
  const base = parts(BASE_LEVEL_KINDS);
  const rest = parts(['disciplineCommittee', 'group']);
  const head = baseLevel === 0 ? '基层党组织0个' : `基层党组织${baseLevel}个（${base.join('、')}）`;
  return `${head}${rest.length > 0 ? `，${others}${rest.join('、')}` : ''}`;
}

/**
 * “绿色4个、黄色2个（其中经批准延期1个）、红色2个（任期届满未换届1个、未登记任期1个）”: an
 * extension is said in the colour it is counted in; the red ones are broken down by why they are
 * red unless all of them are terms that ended without election.
 */
export function termLightsPhrase(counts: TermLightCounts, breakdown: TermBreakdown): string {
  const ext = (light: 'green' | 'yellow'): string =>
    breakdown.extendedByLight[light] > 0 ? `（其中经批准延期${breakdown.extendedByLight[light]}个）` : '';
  const r = breakdown.red;
  const redParts = [
    r.overdue > 0 ? `任期届满未换届${r.overdue}个` : '',
    r.extensionPassed > 0 ? `延期届满仍未换届${r.extensionPassed}个` : '',
    r.noTerm > 0 ? `未登记任期${r.noTerm}个` : '',
  ].filter((s) => s !== '');
  const red = r.extensionPassed + r.noTerm > 0 ? `（${redParts.join('、')}）` : '';
  return (
    `${TERM_LIGHT_LABELS.green}色${counts.byLight.green}个${ext('green')}、` +
    `${TERM_LIGHT_LABELS.yellow}色${counts.byLight.yellow}个${ext('yellow')}、` +
    `${TERM_LIGHT_LABELS.red}色${counts.byLight.red}个${red}`
  );
}

/** Said of a unit the small-unit rule puts within the requirement although its ratio is above the upper bound. */
export const SMALL_UNIT_ONE_CADRE = '人数较少，配备1名专职党务干部即符合要求';
