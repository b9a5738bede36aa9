import { describe, expect, it } from 'vitest';
import { diffFields } from './auditDiff';

describe('diffFields (the audit trail)', () => {
  it('stores a member’s ID number, phone and birth date so that no row of the trail can rebuild the ID number', () => {
    const after = { id: 'm1', unitId: 'u', rev: 'r', name: '王芳', idNumber: '11010519491231002X', birthDate: '1949-12-31', phone: '13800138000', gender: 'female' };
    const changes = diffFields(null, after);
    const byField = new Map(changes.map((c) => [c.field, c.after] as const));
    expect(byField.get('idNumber')).toBe('1101**********002X');
    expect(byField.get('birthDate')).toBe('1949年');
    expect(byField.get('phone')).toBe('138****8000');
    expect(byField.get('name')).toBe('王芳');
    const stored = JSON.stringify(changes);
    expect(stored).not.toContain('19491231');
    expect(stored).not.toContain('1949-12-31');
    expect(stored).not.toContain('13800138000');
    // meta fields are not repeated per field
    expect(byField.has('rev')).toBe(false);
  });

  it('records a changed birth date as a change even when only the day moved, without the day', () => {
    const changes = diffFields({ birthDate: '1949-12-30' }, { birthDate: '1949-12-31' });
    expect(changes).toEqual([{ field: 'birthDate', before: '1949年', after: '1949年' }]);
  });

  it('records that a 慰问事由 or a member’s 备注 changed, never what it says', () => {
    const visit = diffFields({ visitedName: '王芳', reason: '术后康复' }, { visitedName: '王芳', reason: '术后康复，家中困难' }, 'careVisit');
    expect(visit).toEqual([{ field: 'reason', before: '（内容不记入操作日志）', after: '（内容不记入操作日志）' }]);
    const member = diffFields(null, { name: '李强', note: '长期病休', excludedReason: '病休' }, 'member');
    expect(JSON.stringify(member)).not.toMatch(/病休/);
    expect(member.find((c) => c.field === 'name')?.after).toBe('李强');
    // an emptied text is shown as emptied; the same field name in another table is kept
    expect(diffFields({ note: '长期病休' }, { note: '' }, 'member')).toEqual([{ field: 'note', before: '（内容不记入操作日志）', after: '' }]);
    expect(diffFields(null, { reason: '工作调动' }, 'rectification')[0]?.after).toBe('工作调动');
  });
});
