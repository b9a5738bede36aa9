/**
 * The rule profile in force. A unit without a profile from its committee uses the national
 * defaults (DOMAIN.md); profiles received in the committee's bundles take over once that lands.
 */
import { NATIONAL_PROFILE_V1, type RuleProfile } from '../../../shared/rules/profile';

export function useRuleProfile(): RuleProfile {
  return NATIONAL_PROFILE_V1;
}
