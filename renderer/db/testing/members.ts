/**
 * TEST ONLY: members for repository tests, registered through `createMember` as the roster form
 * does — a valid ID number from a sequence number (born 1985-03-12), a full member since `joinedOn`,
 * in post in `organisationId`.
 */
import { genderFromIdNumber, idNumberCheckChar } from '../../../shared/model/idNumber';
import type { Member } from '../../../shared/model/member';
import { createMember } from '../memberRepository';
import type { WriteContext } from '../writeContext';

/** A valid 18-digit ID number of someone born 1985-03-12; `seq` (0–999) makes it unique. */
export function testIdNumber(seq: number): string {
  const first17 = `41130219850312${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Registers a member and returns its id; `fields` overrides any field (e.g. `cadre`). */
export async function addTestMember(
  ctx: WriteContext,
  organisationId: string,
  name: string,
  seq: number,
  { joinedOn = '2008-07-01', ...fields }: Partial<Omit<Member, 'id' | 'unitId' | 'rev' | 'deleted' | 'updatedBy' | 'createdAt'>> = {},
): Promise<string> {
  const idNumber = testIdNumber(seq);
  const r = await createMember(ctx, {
    name,
    gender: genderFromIdNumber(idNumber)!,
    ethnicity: '汉族',
    birthDate: '1985-03-12',
    idNumber,
    phone: '',
    joinedOn,
    membership: 'full',
    convertedOn: null,
    organisationId,
    postings: [{ organisationId, from: joinedOn, to: null }],
    status: 'active',
    statusChangedOn: null,
    cadre: null,
    excludedReason: null,
    ...fields,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}
