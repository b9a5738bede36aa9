/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women), and a check character from ISO 7064 MOD 11-2 ('0'–'9' or 'X').
 *
 * ID numbers are sensitive personal information: never log them, and show them through
 * `maskIdNumber` unless the user asks to see the full number.
 */
import { z } from 'zod';
import type { Gender } from './vocabulary';
import { isCalendarDate, typeMessage } from './primitives';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of valid address codes: the provinces, autonomous regions and municipalities,
 * plus 71 台湾, 81 香港, 82 澳门, 83 (台湾居民居住证).
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The check character for the first 17 digits. Throws on anything but 17 digits (a bug). */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Why `s` is not a valid 18-character ID number (Chinese, for the user), or null when it is one. */
export function idNumberProblem(s: string): string | null {
  if (s.length !== 18) return `身份证号应为18位（当前为${s.length}位），请核对后重新输入`;
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号前17位应为数字，最后一位为数字或大写字母X，请核对后重新输入';
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return '身份证号前两位不是有效的省级地区代码，请核对后重新输入';
  const year = Number(s.slice(6, 10));
  if (year < 1900 || !isCalendarDate(year, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) {
    return '身份证号中的出生日期（第7至14位）不是有效日期，请核对后重新输入';
  }
  if (idNumberCheckChar(s.slice(0, 17)) !== s[17]) return '身份证号校验位不正确，请核对后重新输入';
  return null;
}

export function isValidIdNumber(s: unknown): s is string {
  return typeof s === 'string' && idNumberProblem(s) === null;
}

/** The birth date `YYYY-MM-DD` in a valid ID number, or null when the number is not valid. */
export function birthDateFromIdNumber(id: string): string | null {
  if (!isValidIdNumber(id)) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The gender in a valid ID number (17th digit odd: male), or null when the number is not valid. */
export function genderFromIdNumber(id: string): Gender | null {
  if (!isValidIdNumber(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * Mask for display: keep the first 4 (province and city) and the last 4 characters
 * (`1101**********123X`). The 8 birth-date digits and the district are hidden: with the first 6
 * kept, the hidden digits were exactly the birth date, and a birth date shown beside the mask (the
 * roster, its export, the audit trail did) rebuilt the whole number. A masked view shows the birth
 * year at most (`maskBirthDate`). Strings too short for that are masked completely, so nothing
 * leaks from malformed input.
 */
export function maskIdNumber(id: string): string {
  if (id.length < 11) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * A birth date as masked views show it: the year only (`1986-05-12` → `1986年`), so that it cannot
 * complete a masked ID number; anything that is not a date is masked completely. Masking a masked
 * ID number, phone or birth date again gives the same text (the audit trail's re-masking relies on it).
 */
export function maskBirthDate(date: string): string {
  // an already masked one ('1986年') stays as it is: masking twice changes nothing
  const m = /^(\d{4})(?:-\d{2}-\d{2}|年)$/.exec(date);
  return m ? `${m[1]}年` : '*'.repeat(date.length);
}

/**
 * Mask a phone number for display: an 11-character or longer number keeps its first 3 and last 4
 * characters (`138****5678`); 7–10 characters keep the last 4; shorter ones are masked completely.
 */
export function maskPhone(phone: string): string {
  const n = phone.length;
  if (n >= 11) return `${phone.slice(0, 3)}${'*'.repeat(n - 7)}${phone.slice(-4)}`;
  if (n >= 7) return `${'*'.repeat(n - 4)}${phone.slice(-4)}`;
  return '*'.repeat(n);
}

/**
 * An 18-character ID number; surrounding spaces are dropped and a lower-case check letter 'x' is
 * read as 'X', so the stored form is canonical.
 */
export const IdNumber = z
  .string({ error: typeMessage('身份证号') })
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const problem = idNumberProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
  });

/** The message for a missing ID number where one is required. */
export const ID_NUMBER_REQUIRED = '请填写身份证号（18位）';

/**
 * An ID number as `IdNumber`, or '' — for a record that may legitimately have none (a deleted
 * member's tombstone, shared/model/tombstone.ts); the record's own check says when '' is allowed.
 */
export const IdNumberOrBlank = z
  .string({ error: typeMessage('身份证号') })
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const problem = s === '' ? null : idNumberProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
  });
