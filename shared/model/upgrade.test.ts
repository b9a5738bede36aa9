import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_VERSION, upgradeRecord } from './upgrade';

describe('upgradeRecord', () => {
  it('v1 → v2: a class gains no sessions and an enrolment no session list; nothing else changes', () => {
    const v1Class = { id: 'x', hours: 8, startDate: '2025-05-06' };
    const v1Enrolment = { id: 'y', attendedHours: 6, status: 'attended' };
    expect(upgradeRecord('trainingClass', v1Class, 1)).toEqual({ ...v1Class, sessions: [] });
    expect(upgradeRecord('enrolment', v1Enrolment, 1)).toEqual({ ...v1Enrolment, attendedSessionIds: null });
    expect(v1Class).not.toHaveProperty('sessions'); // the input is not modified
    const meeting = { id: 'z', kind: 'branchMeeting' };
    expect(upgradeRecord('meeting', meeting, 1)).toBe(meeting);
  });

  it('v2 → v3: a rectification item answers no card, a card has no evidence text, a notice is its own batch with no due date', () => {
    expect(upgradeRecord('rectification', { id: 'r', status: 'open' }, 2)).toEqual({ id: 'r', status: 'open', cardId: null });
    expect(upgradeRecord('card', { id: 'c', colour: 'yellow' }, 2)).toEqual({ id: 'c', colour: 'yellow', evidence: '' });
    expect(upgradeRecord('notice', { id: 'n', title: '通知' }, 2)).toEqual({ id: 'n', title: '通知', batchId: 'n', dueOn: null });
    // from v1 both steps run
    expect(upgradeRecord('notice', { id: 'n' }, 1)).toEqual({ id: 'n', batchId: 'n', dueOn: null });
    const kept = { id: 'n', batchId: 'b', dueOn: '2026-12-31' };
    expect(upgradeRecord('notice', kept, 2)).toEqual(kept);
  });

  it('v3 → v4: a budget line is not 专项经费 and an expense has no 凭证号; present fields are left alone', () => {
    expect(upgradeRecord('fundLine', { id: 'l', name: '主题党日', budgetFen: 100 }, 3)).toEqual({ id: 'l', name: '主题党日', budgetFen: 100, special: false });
    expect(upgradeRecord('expense', { id: 'e', amountFen: 30 }, 3)).toEqual({ id: 'e', amountFen: 30, voucherNo: '' });
    expect(upgradeRecord('expense', { id: 'e' }, 1)).toEqual({ id: 'e', voucherNo: '' });
    const kept = { id: 'l', special: true };
    expect(upgradeRecord('fundLine', kept, 3)).toEqual(kept);
    const meeting = { id: 'm' };
    expect(upgradeRecord('meeting', meeting, 3)).toBe(meeting);
  });

  it('v4 → v5: a duty list is read as it is, its items without a self-check outcome (未自查)', () => {
    const v4List = { id: 'd', post: '党支部书记', items: [{ text: '抓好支部建设', selfCheck: '' }] };
    expect(upgradeRecord('dutyList', v4List, 4)).toBe(v4List);
    expect(upgradeRecord('dutyList', v4List, 1)).toEqual(v4List);
  });

  it('leaves records of the current schema, fields already present and non-objects alone', () => {
    const current = { id: 'x' };
    expect(upgradeRecord('trainingClass', current, RECORD_SCHEMA_VERSION)).toBe(current);
    const claimed = { id: 'x', sessions: 'not a list' };
    expect(upgradeRecord('trainingClass', claimed, 1)).toEqual(claimed); // validation judges it afterwards
    for (const hostile of [null, 7, 'text', ['sessions'], new Date(0)]) expect(upgradeRecord('trainingClass', hostile, 1)).toBe(hostile);
  });

  it('does not let a "__proto__" key in an old record reach any prototype', () => {
    const parsed = JSON.parse('{"id":"x","__proto__":{"polluted":true}}') as unknown;
    const upgraded = upgradeRecord('trainingClass', parsed, 1) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(upgraded)).toBe(Object.prototype);
  });
});
