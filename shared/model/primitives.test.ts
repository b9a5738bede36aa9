import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Rev } from './meta';
import {
  count,
  Ed25519PublicKeyBase64,
  Fen,
  Id,
  IsoDate,
  IsoInstant,
  isIsoDate,
  listOf,
  Mime,
  Phone,
  Quarter,
  requiredText,
  text,
  Year,
} from './primitives';

function messageOf(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? '');
}

describe('IsoDate', () => {
  it.each([
    ['2026-01-15', null],
    ['2024-02-29', null], // leap year
    ['2000-02-29', null], // divisible by 400
    ['1900-01-01', null],
    ['2999-12-31', null],
    ['2026-02-30', /日历上没有 2026-02-30/],
    ['2023-02-29', /闰年/],
    ['2100-02-29', /日历上没有/], // divisible by 100, not by 400
    ['2026-04-31', /大小月/],
    ['2026-13-01', /日历上没有/],
    ['2026-00-10', /日历上没有/],
    ['2026-01-00', /日历上没有/],
    ['2026-1-5', /年-月-日/],
    ['2026/01/15', /年-月-日/],
    ['2026-01-15T00:00:00.000Z', /年-月-日/],
    [' 2026-01-15', /年-月-日/],
    ['1899-12-31', /1900 至 2999/],
    ['3000-01-01', /1900 至 2999/],
    ['', /年-月-日/],
  ] as const)('%s → %s', (value, expected) => {
    const message = messageOf(IsoDate, value);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
    expect(isIsoDate(value)).toBe(expected === null);
  });

  it('says a missing date is missing and a number is the wrong kind', () => {
    expect(messageOf(IsoDate, undefined)).toBe('缺少日期，请补填');
    expect(messageOf(IsoDate, 20260115)).toBe('应为日期，请核对后重新填写');
    expect(messageOf(IsoDate.nullable(), null)).toBeNull();
  });
});

describe('IsoInstant', () => {
  it.each([
    ['2026-01-15T08:00:00.000Z', true],
    ['2024-02-29T23:59:59.999Z', true],
    ['2026-01-15T08:00:00Z', false], // no milliseconds
    ['2026-01-15T08:00:00.000+08:00', false], // not UTC
    ['2026-02-30T08:00:00.000Z', false],
    ['2026-01-15T24:00:00.000Z', false],
    ['2026-01-15T08:60:00.000Z', false],
    ['2026-01-15', false],
  ])('%s valid = %s', (value, valid) => {
    expect(IsoInstant.safeParse(value).success).toBe(valid);
  });
});

describe('numbers', () => {
  it.each([
    [0, null],
    [12_345, null],
    [12.5, /分/],
    [-1, /负数/],
    [Number.NaN, /应为金额/],
    [Number.POSITIVE_INFINITY, /应为金额/],
    ['100', /应为金额/],
    [1e13, /过大/],
  ])('Fen %s → %s', (value, expected) => {
    const message = messageOf(Fen, value);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });

  it('counts are non-negative integers', () => {
    expect(messageOf(count('赞成票数'), 3)).toBeNull();
    expect(messageOf(count('赞成票数'), -1)).toBe('赞成票数不能为负数，请核对');
    expect(messageOf(count('赞成票数'), 1.5)).toBe('赞成票数应为整数，请核对');
  });

  it('years are integers in range', () => {
    expect(Year.safeParse(2026).success).toBe(true);
    expect(Year.safeParse(2026.5).success).toBe(false);
    expect(Year.safeParse(1899).success).toBe(false);
  });
});

describe('text', () => {
  it('trims, and a required text must not be blank', () => {
    expect(requiredText().parse('  第一党支部 ')).toBe('第一党支部');
    expect(messageOf(requiredText(), '   ')).toBe('不能为空，请填写');
    expect(messageOf(requiredText(), undefined)).toBe('缺少文字，请补填');
    expect(text().parse('')).toBe('');
    expect(messageOf(text(5), '一二三四五六')).toBe('内容不能超过 5 个字，请精简');
  });

  it('lists say when they are missing or too long', () => {
    const topics = listOf(requiredText(), 2, '议题');
    expect(messageOf(topics, undefined)).toBe('缺少议题列表，请补填');
    expect(messageOf(topics, 'a')).toBe('应为议题列表，请核对后重新填写');
    expect(messageOf(topics, ['a', 'b', 'c'])).toMatch(/议题过多/);
  });
});

describe('technical strings', () => {
  it.each([
    [Id, '01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f', true],
    [Id, '01943f0e-8c2a-4b1d-9e3f-5a6b7c8d9e0f', false],
    [Id, 'u1', false],
    [Rev, '1767225600000-00000-01943f0e-8c2a-7b1d-9e3f-5a6b7c8d9e0f', true],
    [Rev, '1767225600000-0-dev', false],
    [Quarter, '2026-Q3', true],
    [Quarter, '2026-Q5', false],
    [Quarter, '2026Q3', false],
    [Mime, 'image/jpeg', true],
    [Mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', true],
    [Mime, 'image', false],
    [Mime, 'Image/JPEG', false],
    [Ed25519PublicKeyBase64, `${'A'.repeat(43)}=`, true],
    [Ed25519PublicKeyBase64, `${'A'.repeat(42)}B=`, false], // non-canonical trailing bits
    [Ed25519PublicKeyBase64, 'A'.repeat(44), false],
    [Phone, '', true],
    [Phone, '13800138000', true],
    [Phone, '0591-87654321', true],
    [Phone, '87654321', true],
    [Phone, '0591-87654321-801', true],
    [Phone, '1380013800', false],
    [Phone, '138 0013 8000', false],
    [Phone, 'abc', false],
  ] as const)('%#: %s valid = %s', (schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
  });
});
