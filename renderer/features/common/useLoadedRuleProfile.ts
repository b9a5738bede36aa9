/**
 * The rule profile in force once the issued profiles have been read (undefined until then): a
 * report prepared with the national defaults first and the issued profile a moment later would be
 * computed twice.
 */
import { useMemo } from 'react';
import { ruleProfileInForce, type RuleProfile } from '../../../shared/rules/profile';
import { useIssuedRuleProfiles } from './useRuleProfile';
import { todayIso } from './today';

export function useLoadedRuleProfile(): RuleProfile | undefined {
  const issued = useIssuedRuleProfiles();
  const today = todayIso();
  return useMemo(() => (issued === undefined ? undefined : ruleProfileInForce(issued, today)), [issued, today]);
}
