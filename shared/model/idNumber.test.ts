import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idNumberArbitrary, isoDateArbitrary } from './testing/arbitraries';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  IdNumber,
  idNumberCheckChar,
  idNumberProblem,
  isValidIdNumber,
  maskBirthDate,
  maskIdNumber,
  maskPhone,
} from './idNumber';

describe('GB 11643 ID number', () => {
  it.each([
    // the standard's worked example: check character X
    ['11010519491231002X', null],
    // check characters computed with idNumberCheckChar (the first also by hand: Σ = 174, 174 mod 11 = 9 → '3')
    ['110101199003071233', null],
    ['440304198506153320', null],
    ['350102197901010012', null],
    ['350102200002290027', null], // 2000-02-29 exists
    ['110105194912310021', '身份证号校验位不正确，请核对后重新输入'],
    ['110105194912310020', '身份证号校验位不正确，请核对后重新输入'],
    ['11010519491231002x', '身份证号前17位应为数字，最后一位为数字或大写字母X，请核对后重新输入'],
    ['350102199902290024', '身份证号中的出生日期（第7至14位）不是有效日期，请核对后重新输入'], // 1999-02-29
    ['350102199913010020', '身份证号中的出生日期（第7至14位）不是有效日期，请核对后重新输入'],
    ['350102189901010010', '身份证号中的出生日期（第7至14位）不是有效日期，请核对后重新输入'], // before 1900
    ['990102197901010012', '身份证号前两位不是有效的省级地区代码，请核对后重新输入'],
    ['1101051949123100', '身份证号应为18位（当前为16位），请核对后重新输入'],
    ['110105194912310021X', '身份证号应为18位（当前为19位），请核对后重新输入'],
    ['11010519491231A02X', '身份证号前17位应为数字，最后一位为数字或大写字母X，请核对后重新输入'],
  ])('%s → %s', (id, problem) => {
    expect(idNumberProblem(id)).toBe(problem);
    expect(isValidIdNumber(id)).toBe(problem === null);
  });

  it('computes the check character (ISO 7064 MOD 11-2)', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('11010119900307123')).toBe('3');
    expect(() => idNumberCheckChar('1234')).toThrow();
  });

  it('the schema trims and reads a lower-case x as X', () => {
    expect(IdNumber.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    const r = IdNumber.safeParse('110105194912310021');
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('身份证号校验位不正确，请核对后重新输入');
  });

  it('any single changed digit is caught by the check character', () => {
    fc.assert(
      fc.property(idNumberArbitrary(), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (id, pos, delta) => {
        const c = id[pos] ?? '0';
        const changed = c === 'X' ? String(delta) : String((Number(c) + delta) % 10);
        const mutated = id.slice(0, pos) + changed + id.slice(pos + 1);
        expect(isValidIdNumber(mutated)).toBe(false);
      }),
    );
  });

  it('reads birth date and gender', () => {
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromIdNumber('11010519491231002X')).toBe('female'); // 17th digit 2: even
    expect(genderFromIdNumber('110101199003071233')).toBe('male'); // 17th digit 3: odd
    expect(birthDateFromIdNumber('110105194912310021')).toBeNull();
    expect(genderFromIdNumber('nonsense')).toBeNull();
    fc.assert(
      fc.property(isoDateArbitrary('1930-01-01', '2010-12-31'), fc.constantFrom('male' as const, 'female' as const), (birth, gender) => {
        fc.assert(
          fc.property(idNumberArbitrary(birth, gender), (id) => {
            expect(birthDateFromIdNumber(id)).toBe(birth);
            expect(genderFromIdNumber(id)).toBe(gender);
          }),
          { numRuns: 3 },
        );
      }),
      { numRuns: 30 },
    );
  });

  it.each([
    ['11010519491231002X', '1101**********002X'],
    ['110101199003071233', '1101**********1233'],
    ['110101900307123', '1101*******7123'], // old 15-digit number
    ['1234567890', '**********'],
    ['', ''],
  ])('maskIdNumber(%s) = %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('never shows the digits of the birth date, and a masked birth date is the year only', () => {
    const id = '11010519491231002X';
    const masked = maskIdNumber(id);
    expect(masked).not.toContain('1231');
    expect(masked).not.toContain('110105');
    expect(maskBirthDate('1949-12-31')).toBe('1949年');
    expect(maskBirthDate('1949-12')).toBe('*******');
    // masking again changes nothing (an older database's audit trail is re-masked on upgrade)
    expect(maskBirthDate(maskBirthDate('1949-12-31'))).toBe('1949年');
    expect(maskIdNumber(masked)).toBe(masked);
    expect(maskPhone(maskPhone('13800138000'))).toBe('138****8000');
    // a number masked the old way (first 6 kept) becomes today's mask
    expect(maskIdNumber('110105********002X')).toBe('1101**********002X');
    // what a masked view shows (mask + year) leaves more than a thousand ID numbers it could be
    const candidates = countCompletions(masked, maskBirthDate('1949-12-31'));
    expect(candidates).toBeGreaterThan(1000);
  });

  it.each([
    ['13800138000', '138****8000'],
    ['0591-87654321', '059******4321'],
    ['87654321', '****4321'],
    ['12345', '*****'],
    ['', ''],
  ])('maskPhone(%s) = %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

/** How many valid ID numbers agree with a masked number and a birth year (every district and day tried). */
function countCompletions(masked: string, year: string): number {
  const head = masked.slice(0, 4);
  const tail = masked.slice(-4);
  const y = year.slice(0, 4);
  let n = 0;
  for (let district = 0; district < 100; district++)
    for (let month = 1; month <= 12; month++)
      for (let day = 1; day <= 31; day++) {
        const id = `${head}${String(district).padStart(2, '0')}${y}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${tail}`;
        if (isValidIdNumber(id)) n++;
      }
  return n;
}
