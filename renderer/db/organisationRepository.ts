/**
 * Writes of the organisation tree: create, edit, move, dissolve (kept with its history), 换届
 * elections, approved extensions and committee seats. Tree rules come from
 * shared/rules/organisationTree; every write goes through the record repository.
 */
import { expectedError, fail, type ExpectedError, type Result } from '../../shared/errors/errors';
import type { CommitteeSeat } from '../../shared/model/committeeSeat';
import type { Election, Organisation, TermExtension } from '../../shared/model/organisation';
import { placementProblem, wouldCreateCycle } from '../../shared/rules/organisations/organisationTree';
import { createRecord, updateRecord, type RecordInput, type RecordPatch, type WriteError } from './recordRepository';
import type { WriteContext } from './writeContext';
import { runWrite } from './runWrite';

export type OrganisationWriteError = WriteError | ExpectedError<'placement' | 'cycle' | 'not-empty' | 'invalid-date'>;

async function liveOrganisations(ctx: WriteContext): Promise<Organisation[]> {
  return ((await ctx.db.organisation.toArray())).filter((o) => !o.deleted);
}

function checkPlacement(
  all: readonly Organisation[],
  kind: Organisation['kind'],
  parentId: string | null,
  selfId: string | null,
): ExpectedError<'placement' | 'cycle'> | null {
  const parent = parentId === null ? null : all.find((o) => o.id === parentId);
  if (parentId !== null && !parent) return expectedError('placement', '所选的上级党组织不存在或已删除，请重新选择', ['parentId']);
  if (parent?.dissolvedOn) return expectedError('placement', `上级党组织“${parent.name}”已撤销，不能在其下设立或移入党组织`, ['parentId']);
  const problem = placementProblem(kind, parent?.kind ?? null);
  if (problem) return expectedError('placement', problem, ['parentId']);
  if (selfId !== null && wouldCreateCycle(all, selfId, parentId)) {
    return expectedError('cycle', '不能把党组织移到它自己或它的下级党组织之下', ['parentId']);
  }
  return null;
}

export async function createOrganisation(ctx: WriteContext, input: RecordInput<'organisation'>): Promise<Result<Organisation, OrganisationWriteError>> {
  return runWrite<Organisation, OrganisationWriteError>(ctx.db, [ctx.db.organisation, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const problem = checkPlacement(await liveOrganisations(ctx), input.kind, input.parentId, null);
    if (problem) return fail(problem);
    return createRecord(ctx, 'organisation', input);
  });
}

/** Edit fields, including a move to another parent (the tree rules are checked again). */
export async function updateOrganisation(
  ctx: WriteContext,
  id: string,
  patch: RecordPatch<'organisation'>,
): Promise<Result<Organisation, OrganisationWriteError>> {
  return runWrite<Organisation, OrganisationWriteError>(ctx.db, [ctx.db.organisation, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const all = await liveOrganisations(ctx);
    const current = all.find((o) => o.id === id);
    if (current && (patch.kind !== undefined || patch.parentId !== undefined)) {
      const kind = patch.kind ?? current.kind;
      const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
      const problem = checkPlacement(all, kind, parentId, id);
      if (problem) return fail(problem);
      const badChild = all.find((c) => c.parentId === id && !c.dissolvedOn && placementProblem(c.kind, kind));
      if (badChild) return fail(expectedError('placement', `下级党组织“${badChild.name}”不能设在${kind === 'branch' ? '党支部' : '该类党组织'}之下，请先调整下级党组织`, ['kind']));
    }
    return updateRecord(ctx, 'organisation', id, patch);
  });
}

/**
 * 撤销: the organisation stays with its history, marked dissolved on `date`. Refused while it still
 * has organisations or members under it — they must be moved first, so nobody is left without one.
 */
export async function dissolveOrganisation(ctx: WriteContext, id: string, date: string): Promise<Result<Organisation, OrganisationWriteError>> {
  return runWrite<Organisation, OrganisationWriteError>(ctx.db, [ctx.db.organisation, ctx.db.member, ctx.db.changes, ctx.db.audit, ctx.db.device], async () => {
    const all = await liveOrganisations(ctx);
    const children = all.filter((o) => o.parentId === id && !o.dissolvedOn);
    if (children.length > 0) {
      return fail(expectedError('not-empty', `该党组织下还有 ${children.length} 个未撤销的党组织（如“${children[0]!.name}”），请先撤销或移走它们`));
    }
    const members = (await ctx.db.member.where('organisationId').equals(id).toArray()).filter(
      (m) => !m.deleted && (m.status === 'active' || m.status === 'retired'),
    );
    if (members.length > 0) {
      return fail(expectedError('not-empty', `该党组织还有 ${members.length} 名党员（如${members[0]!.name}），请先将他们转到其他党组织`));
    }
    const org = all.find((o) => o.id === id);
    if (org?.foundedOn && date < org.foundedOn) {
      return fail(expectedError('invalid-date', '撤销日期不能早于成立日期，请核对', ['dissolvedOn']));
    }
    return updateRecord(ctx, 'organisation', id, { dissolvedOn: date });
  });
}

export async function recordElection(ctx: WriteContext, input: RecordInput<'election'>): Promise<Result<Election, WriteError>> {
  return createRecord(ctx, 'election', input);
}

export async function grantExtension(ctx: WriteContext, organisationId: string, extension: TermExtension | null): Promise<Result<Organisation, WriteError>> {
  return updateRecord(ctx, 'organisation', organisationId, { extension });
}

/**
 * 登记两委委员. A seat ticked 专职 and the roster's 专职党务干部 are one fact (issue 16): the member
 * is marked 专职党务干部 on the roster in the same transaction, so the cadre ratio counts them. An
 * unticked seat leaves the roster as it is (a full-time cadre may sit part-time on a committee).
 */
export async function addSeat(ctx: WriteContext, input: RecordInput<'committeeSeat'>): Promise<Result<CommitteeSeat, WriteError>> {
  const { db } = ctx;
  return runWrite<CommitteeSeat, WriteError>(db, [db.committeeSeat, db.member, db.changes, db.audit, db.device], async () => {
    const seat = await createRecord(ctx, 'committeeSeat', input);
    if (!seat.ok || !input.fullTime) return seat;
    const member = await db.member.get(input.memberId);
    if (member && !member.deleted && member.cadre !== 'fullTime') {
      const marked = await updateRecord(ctx, 'member', member.id, { cadre: 'fullTime' });
      if (!marked.ok) return marked;
    }
    return seat;
  });
}

/** A seat ends (离任) on `to`; the seat stays in the committee's history. */
export async function endSeat(ctx: WriteContext, seatId: string, to: string): Promise<Result<CommitteeSeat, WriteError>> {
  return updateRecord(ctx, 'committeeSeat', seatId, { to });
}
