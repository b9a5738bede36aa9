/**
 * 民主评议党员: members graded 优秀 may be at most one third (profile) of the members who receive a
 * grade — 预备党员 take part without a grade, so they are not in `gradedCount`. The limit is
 * inclusive: 9 graded → at most 3 优秀; 10 graded → at most 3.
 */
import { BugError } from '../../errors/errors';
import { atMost, type RuleProfile } from '../profile';
import { fractionWords } from '../text';

export interface ExcellentShareCheck {
  readonly gradedCount: number;
  readonly excellentCount: number;
  /** The most 优秀 grades allowed. */
  readonly maxExcellent: number;
  readonly ok: boolean;
  readonly reason: string;
}

export function excellentShareCheck(gradedCount: number, excellentCount: number, profile: RuleProfile): ExcellentShareCheck {
  if (![gradedCount, excellentCount].every((n) => Number.isInteger(n) && n >= 0) || excellentCount > gradedCount)
    throw new BugError(`bad appraisal counts: ${gradedCount}, ${excellentCount}`);
  const f = profile.appraisal.excellentMax;
  const maxExcellent = Math.floor((gradedCount * f.numerator) / f.denominator);
  const ok = atMost(excellentCount, f, gradedCount);
  const words = fractionWords(f.numerator, f.denominator);
  const reason = ok
    ? `参加评定的党员 ${gradedCount} 人，评为优秀 ${excellentCount} 人，未超过${words}（最多 ${maxExcellent} 人）`
    : `参加评定的党员 ${gradedCount} 人，评为优秀 ${excellentCount} 人，超过${words}（最多 ${maxExcellent} 人）`;
  return { gradedCount, excellentCount, maxExcellent, ok, reason };
}
