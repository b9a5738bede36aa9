/**
 * Record schema 7 (issue 14) in unit bundles: a 书记项目's 证明材料 (`secretaryProject.attachmentIds`)
 * travels to the 工委 unchanged; a project of an older bundle without it is read as it is; a bundle
 * that declares schema 6 but carries a project with `attachmentIds` (even `[]`) was not written by
 * the program it claims and is refused (docs/bundle-format.md §14).
 */
import { describe, expect, it } from 'vitest';
import type { SecretaryProject } from '../model/secretaryProject';
import { SecretaryProjectSchema } from '../model/secretaryProject';
import { RECORD_SCHEMA_VERSION } from '../model/upgrade';
import { decodeBundle } from './decode';
import { encodeBundle } from './encode';
import { plainPayload, sampleRecords, sealWithHeader, testParty, unitBundleInput } from './testing/testkit';

const unit = testParty('project-evidence-unit');
const committee = testParty('project-evidence-committee');
const ID = '019bc000-0000-7000-8000-0000000000e7';
const PHOTO = '019bc000-0000-7000-8000-0000000000e1';
const SCAN = '019bc000-0000-7000-8000-0000000000e2';

/** A project of the sample records without the schema-7 field. */
function oldProject(seed = 3): SecretaryProject {
  const { attachmentIds: _a, problem: _p, measures: _m, ...rest } = sampleRecords('secretaryProject', 1, unit.id, unit.deviceId, seed)[0]!;
  return rest;
}
const withEvidence = (): SecretaryProject => ({ ...oldProject(4), attachmentIds: [PHOTO, SCAN] });

const unitHeader = { kind: 'unit-to-committee' as const, senderUnitId: unit.id, senderDeviceId: unit.deviceId, recipientId: committee.id };

async function openV(schemaVersion: number, projects: readonly unknown[]) {
  const bytes = await sealWithHeader(unit, committee, plainPayload(ID, [{ table: 'secretaryProject', records: projects }]), { ...unitHeader, bundleId: ID, schemaVersion }, `project-evidence:${schemaVersion}`);
  return decodeBundle(bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
}

describe('a 书记项目 with 证明材料 (record schema 7)', () => {
  it('the schema: a project without attachments (older) stays valid; attachments are ids, each once', () => {
    expect(SecretaryProjectSchema.safeParse(oldProject()).success).toBe(true);
    expect(SecretaryProjectSchema.safeParse(withEvidence()).success).toBe(true);
    expect(SecretaryProjectSchema.safeParse({ ...oldProject(), attachmentIds: [] }).success).toBe(true);
    const notId = SecretaryProjectSchema.safeParse({ ...withEvidence(), attachmentIds: ['现场照片.jpg'] });
    expect(notId.success).toBe(false);
    expect(notId.error?.issues[0]?.path).toEqual(['attachmentIds', 0]);
    const twice = SecretaryProjectSchema.safeParse({ ...withEvidence(), attachmentIds: [PHOTO, PHOTO] });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({ path: ['attachmentIds', 1], message: '同一证明材料重复添加，请删除重复项' });
  });

  it('round-trip in a unit bundle: the project keeps its attachments, the older one stays without', async () => {
    const projects = [withEvidence(), oldProject()];
    const encoded = await encodeBundle(unitBundleInput(unit, committee, { records: { secretaryProject: projects } }), unit.signer);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.header.schemaVersion).toBe(RECORD_SCHEMA_VERSION);
    const decoded = await decodeBundle(encoded.value.bytes, unit.signing.publicKey, committee.decrypter, { recipientId: committee.id, kind: 'unit-to-committee' });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.records.secretaryProject).toEqual(projects);
    expect(decoded.value.records.secretaryProject?.[1]).not.toHaveProperty('attachmentIds');
  });

  it('a schema-6 project (no attachments) is read as it is', async () => {
    const old = oldProject();
    const r = await openV(6, [old]);
    expect(r.ok, r.ok ? '' : r.error.detail).toBe(true);
    if (r.ok) expect(r.value.records.secretaryProject).toEqual([old]);
  });

  it('针对的问题 and 主要措施 apart: an older project (one text in goal) stays valid; a schema-6 bundle carrying them is refused', async () => {
    const split = { ...oldProject(6), problem: '审批窗口党员示范作用发挥不够', goal: '办件满意率达到98%以上', measures: '设立党员先锋岗3个' };
    expect(SecretaryProjectSchema.safeParse(split).success).toBe(true);
    expect(SecretaryProjectSchema.safeParse({ ...oldProject(), problem: 1 }).success).toBe(false);
    const r = await openV(6, [split]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/第6版.*第1条书记项目记录含有第7版才有的字段「(针对的问题|主要措施)」/);
    const v7 = await openV(7, [split, oldProject()]);
    expect(v7.ok, v7.ok ? '' : v7.error.detail).toBe(true);
    if (v7.ok) expect(v7.value.records.secretaryProject).toEqual([split, oldProject()]);
  });

  it('a schema-6 bundle carrying a project with attachments is refused, in words', async () => {
    const r = await openV(6, [oldProject(), { ...oldProject(5), attachmentIds: [] }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-record');
      expect(r.error.message).toMatch(/第6版.*第2条书记项目记录含有第7版才有的字段「证明材料」/);
    }
  });
});

describe('the 工委’s 书记项目评价 (record schema 7, committee-owned table projectRating)', () => {
  const rating = () => ({ ...sampleRecords('projectRating', 1, unit.id, committee.deviceId, 7)[0]!, projectId: oldProject().id, rating: 'fairlyGood' as const, comment: '措施具体，成效初显。' });
  const returnHeader = { kind: 'committee-to-unit' as const, senderUnitId: committee.id, senderDeviceId: committee.deviceId, recipientId: unit.id };

  it('travels to the unit in a return bundle', async () => {
    const ratings = [rating()];
    const encoded = await encodeBundle(
      { ...unitBundleInput(unit, committee, { records: { projectRating: ratings } }), ...returnHeader, recipientPublicKey: unit.encryption.publicKey },
      committee.signer,
    );
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    const decoded = await decodeBundle(encoded.value.bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
    expect(decoded.ok, decoded.ok ? '' : decoded.error.detail).toBe(true);
    if (decoded.ok) expect(decoded.value.records.projectRating).toEqual(ratings);
  });

  it('a schema-6 return bundle with the table is refused', async () => {
    const bytes = await sealWithHeader(committee, unit, plainPayload(ID, [{ table: 'projectRating', records: [rating()] }]), { ...returnHeader, bundleId: ID, schemaVersion: 6 }, 'project-rating:6');
    const r = await decodeBundle(bytes, committee.signing.publicKey, unit.decrypter, { recipientId: unit.id, kind: 'committee-to-unit' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid-record');
      expect(r.error.message).toMatch(/第6版.*第7版才有的书记项目评价记录/);
    }
  });
});
