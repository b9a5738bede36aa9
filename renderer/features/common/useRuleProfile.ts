/**
 * The rule profile in force: the newest profile the 工委 issued whose 施行日期 has come (it arrives
 * in the committee's return bundles; the committee's own workspace holds the ones it issued), or
 * the national defaults (DOMAIN.md) when there is none.
 */
import { useMemo } from 'react';
import type { RuleProfileRecord } from '../../../shared/model/ruleProfile';
import { ruleProfileInForce, type RuleProfile } from '../../../shared/rules/profile';
import { issuedRuleProfiles } from '../../db/queries/ruleProfile';
import { todayIso } from './today';
import { useAppQuery } from './useAppQuery';

/** Every issued profile (live records), for the screens that show them. */
export function useIssuedRuleProfiles(): RuleProfileRecord[] | undefined {
  return useAppQuery(issuedRuleProfiles);
}

export function useRuleProfile(): RuleProfile {
  const issued = useIssuedRuleProfiles();
  const today = todayIso();
  return useMemo(() => ruleProfileInForce(issued ?? [], today), [issued, today]);
}
