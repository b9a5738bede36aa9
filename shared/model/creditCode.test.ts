import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditCodeArbitrary } from './testing/arbitraries';
import { CreditCode, creditCodeCheckChar, creditCodeProblem, EXAMPLE_CREDIT_CODE, isValidCreditCode } from './creditCode';

describe('GB 32100 统一社会信用代码', () => {
  it.each([
    // the common published example; its check character 3 verified by hand (Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3)
    ['91350100M000100Y43', null],
    ['12350000003591170T', null], // 事业单位 (check computed)
    ['11100000000013127D', null], // 机关 (check computed)
    ['91350100M000100Y42', '统一社会信用代码校验位不正确，请核对后重新输入'],
    ['91350100M000100Y4', '统一社会信用代码应为18位（当前为17位），请核对后重新输入'],
    ['91350100M000100YI3', '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），第3至8位为数字，请核对后重新输入'],
    ['9135O100M000100Y43', '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），第3至8位为数字，请核对后重新输入'],
    ['913501O0M000100Y43', '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），第3至8位为数字，请核对后重新输入'],
  ])('%s → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(problem === null);
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(() => creditCodeCheckChar('91350100M000100YI')).toThrow();
  });

  it('the schema trims and upper-cases', () => {
    expect(CreditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('a changed character is caught', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(creditCodeArbitrary, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, delta) => {
        const c = charset.indexOf(code[pos] ?? '0');
        const mutated = code.slice(0, pos) + (charset[(c + delta) % 31] ?? '') + code.slice(pos + 1);
        expect(isValidCreditCode(mutated)).toBe(false);
      }),
    );
  });

  it('shows an example in the setup form that passes its own check', () => {
    expect(creditCodeProblem(EXAMPLE_CREDIT_CODE)).toBeNull();
  });
});
