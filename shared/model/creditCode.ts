/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and upper-case
 * letters without I, O, Z, S, V): registration authority (1), organisation kind (1), administrative
 * division code (6 digits), organisation code (9), and a check character (MOD 31).
 *
 * Only the overall check character and the structure are verified; the GB 11714 check digit inside
 * the organisation code (position 17) is not, so a legitimate code issued under older practice is
 * never refused.
 */
import { z } from 'zod';
import { typeMessage } from './primitives';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters. Throws on characters outside the set (a bug). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar: expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError('creditCodeCheckChar: character outside GB 32100 set');
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** Why `s` is not a valid 统一社会信用代码 (Chinese, for the user), or null when it is one. */
export function creditCodeProblem(s: string): string | null {
  if (s.length !== 18) return `统一社会信用代码应为18位（当前为${s.length}位），请核对后重新输入`;
  if (!SHAPE.test(s)) {
    return '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），第3至8位为数字，请核对后重新输入';
  }
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) return '统一社会信用代码校验位不正确，请核对后重新输入';
  return null;
}

/** The example shown in the setup form: a made-up code that passes the check, so a reader who copies its shape is not misled. */
export const EXAMPLE_CREDIT_CODE = '11410100MB1234567W';

export function isValidCreditCode(s: unknown): s is string {
  return typeof s === 'string' && creditCodeProblem(s) === null;
}

/** An 18-character 统一社会信用代码; spaces around it are dropped and letters upper-cased. */
export const CreditCode = z
  .string({ error: typeMessage('统一社会信用代码') })
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const problem = creditCodeProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
  });
