import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordArbitrary } from './testing/arbitraries';
import { fieldPathLabel, validateRecord } from './validate';
import type { RecordTable } from './tables';

function sample<T extends RecordTable>(table: T) {
  const [record] = fc.sample(recordArbitrary(table), { numRuns: 1, seed: 7 });
  if (!record) throw new Error('no sample');
  return record;
}

describe('validateRecord', () => {
  it('returns the parsed record on success', () => {
    const record = sample('member');
    expect(validateRecord('member', record)).toEqual({ ok: true, value: record });
  });

  it('returns one validation error naming the table and field, with its path, and lists every issue', () => {
    const record = { ...sample('member'), idNumber: '110105194912310021', joinedOn: '2026-02-30' };
    const r = validateRecord('member', record);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('validation');
    expect(r.error.message).toBe('党员记录「身份证号」：身份证号校验位不正确，请核对后重新输入（另有1处问题）');
    expect(r.error.path).toEqual(['idNumber']);
    expect(r.error.issues).toEqual([
      { path: ['idNumber'], message: '身份证号校验位不正确，请核对后重新输入' },
      { path: ['joinedOn'], message: '日历上没有 2026-02-30 这一天（请注意大小月和闰年），请核对后重新填写' },
    ]);
  });

  it('names nested fields with their position', () => {
    const record = sample('meeting');
    const r = validateRecord('meeting', {
      ...record,
      attendance: [{ memberId: 'x', status: 'present', absenceReason: null, note: '', voting: true }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^会议记录「参会人员第1项·党员」：编号格式不正确/);
  });

  it('refuses a table it does not know', () => {
    const r = validateRecord('members' as RecordTable, {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: '未知的数据类型“members”，该数据可能来自不兼容的版本' } });
  });
});

describe('fieldPathLabel', () => {
  it.each([
    ['member', ['idNumber'], '身份证号'],
    ['member', ['postings', 0, 'organisationId'], '组织关系记录第1项·党组织'],
    ['member', ['organisationId'], '所在党组织'],
    ['meeting', ['resolutions', 2, 'yes'], '决议第3项·赞成票'],
    ['organisation', ['extension', 'until'], '经批准延期·延期至'],
    ['assessment', ['scores', 'meetings'], '各项指标得分·meetings'],
    ['unit', ['rev'], '修订号'],
    ['unit', [], ''],
  ] as const)('%s %j → %s', (table, path, label) => {
    expect(fieldPathLabel(table, path)).toBe(label);
  });
});
