/**
 * Record schema 7 (issue 14) in bundles: a meeting's 列席人员 (`observers`), its attendance rows'
 * 民主评议 grades (`appraisalGrade`) and the kind 民主生活会 travel unchanged; a meeting of an older
 * bundle without them is read as it is; a bundle that declares schema 6 but carries one of them was
 * not written by the program it claims and is refused (docs/bundle-format.md §14).
 */
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../model/meeting';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { plainPayload, sampleRecords, sealWithHeader, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('life-unit');
const committee = testParty('life-committee');
const ID = '019bc000-0000-7000-8000-0000000000a7';

/** A plain 支部党员大会 of the sample records, with no schema-7 field. */
function baseMeeting(seed = 7): Meeting {
  const m = sampleRecords('meeting', 1, unit.id, unit.deviceId, seed)[0]!;
  const { observers: _o, ...rest } = m;
  return {
    ...rest,
    kind: 'branchGeneralMeeting',
    attendance: rest.attendance.map(({ appraisalGrade: _g, ...a }) => a),
    resolutions: [],
  };
}

const m1 = '0195f0a2-7c1e-7000-8000-0000000000f1';
const m2 = '0195f0a2-7c1e-7000-8000-0000000000f2';
const m3 = '0195f0a2-7c1e-7000-8000-0000000000f3';
const appraisal = (): Meeting => ({
  ...baseMeeting(),
  kind: 'democraticAppraisal',
  attendance: [
    { memberId: m1, status: 'present', absenceReason: null, note: '', voting: true, appraisalGrade: 'excellent' },
    { memberId: m2, status: 'present', absenceReason: null, note: '', voting: true, appraisalGrade: 'qualified' },
    { memberId: m3, status: 'present', absenceReason: null, note: '', voting: false },
  ],
});
const life = (): Meeting => ({
  ...baseMeeting(8),
  kind: 'democraticLifeMeeting',
  observers: [{ name: '王立新', post: '机关党委专职副书记' }],
});

async function openV(schemaVersion: number, meetings: readonly unknown[]) {
  const bytes = await sealWithHeader(unit, committee, plainPayload(ID, [{ table: 'meeting', records: meetings }]), { bundleId: ID, schemaVersion }, `life:${schemaVersion}`);
  return decodeBundle(bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
}

describe('schema 7 meetings in bundles', () => {
  it('round-trip: 民主生活会 with its 列席人员, 民主评议 with its grades', async () => {
    const meetings = [life(), appraisal()];
    const encoded = await encodeBundle(unitBundleInput(unit, committee, { records: { meeting: meetings } }), unit.signer);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.header.schemaVersion).toBe(RECORD_SCHEMA_VERSION);
    const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
    if (decoded.ok) expect(decoded.value.records.meeting).toEqual(meetings);
  });

  it('a schema-6 meeting (no 列席人员, no grades) is read as it is', async () => {
    const old = baseMeeting();
    expect(old).not.toHaveProperty('observers');
    const r = await openV(6, [old]);
    expect(r.ok, r.ok ? '' : r.error.detail).toBe(true);
    if (r.ok) expect(r.value.records.meeting).toEqual([old]);
  });

  it.each([
    ['a grade on an attendance row', () => appraisal(), /第6版.*会议记录.*第7版才有的字段「评议等次」/],
    ['列席人员', () => ({ ...baseMeeting(), observers: [] }), /第7版才有的字段「列席人员」/],
    ['the kind 民主生活会', () => ({ ...baseMeeting(), kind: 'democraticLifeMeeting' }), /第7版才有的「会议类型」的取值“democraticLifeMeeting”/],
  ])('a schema-6 bundle carrying %s is refused', async (_, make, message) => {
    const r = await openV(6, [make()]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-record');
      expect(r.error.message).toMatch(message);
    }
  });
});
