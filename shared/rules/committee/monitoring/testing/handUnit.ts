/**
 * Test kit: a hand-made unit for 2026年第3季度 whose every indicator is worked out by hand in the
 * comments (national profile, judged on 2026-10-15).
 *
 * Organisations (党支部: 党员大会 and 党课 quarterly, 主题党日 monthly; no 支委会):
 * - b1 第一党支部: 主题党日 7, 8, 9月, 党员大会 held; 党课 not held → owed. term 2024-03-01 + 3 → yellow on 09-30.
 * - b2 第二党支部, founded 2026-08-10: August not required, September's 主题党日 held; Q3's quarterly ones not required.
 * - b3 第三党支部, dissolved 2026-08-20: July's 主题党日 owed; nothing required from August. Its (red) term is not judged.
 * - b4 第四党支部: everything held, one meeting (09-20) recorded on 10-05 (15 days later: late); term ended 2025-01-01 → red.
 *   组织生活完成率: due 5 + 1 + 1 + 5 = 12, held 10 → 83.33, minus 2 for the late record → 81.33.
 * 党员参会率: b1's July 主题党日 m1 present, m2 absent; August m1, m2 present, m3 excluded → 3 / 4 = 75.
 * 按期换届: b1 yellow, b2 green, b4 red (b3 dissolved) → 2 / 3 = 66.67.
 * 教育培训覆盖率: m1 trained (May), m2, m3 not; m4 retired 05-01 → 1/3 = 33.33 % against ¾ of 100 % → 44.44.
 * 专职党务干部: 200 staff → at least 2; m1 full-time, m4 (full-time) retired → 1 / 2 = 50.
 * 整改推进: r1 overdue (08-31, open), r2 closed in time, r3 not yet due; r4 entered after the quarter,
 *   r5 deleted → 2 / 3 = 66.67.
 * 数据报送及时性: enrolled 2026-01-10; bundles 06-20, 08-05, 09-25; late 07-21…08-04 (15 days) and
 *   09-05…09-24 (20 days) → 57 / 92 = 61.96.
 */
import type { Meeting } from '../../../../model';
import { electionFields, enrolmentFields, classFields, meetingFields, memberFields, organisationFields, stored, unitFields } from '../../../../../test/fixtures/recordFields';
import type { MeetingKind } from '../../../../model/vocabulary';
import type { RegisterEntry, BundleArrival } from '../timelinessIndicator';
import type { MonitoringRecords, RectificationRecord } from '../unitRecords';

export const TODAY = '2026-10-15';
export const Q3 = '2026-Q3';

export function meeting(u: string, id: string, org: string, kind: MeetingKind, date: string, over: Partial<Meeting> = {}): Meeting {
  return { ...stored<'meeting'>(u, id, meetingFields(org, kind, date)), ...over };
}

function rect(u: string, id: string, over: Partial<RectificationRecord>): RectificationRecord {
  return { id, unitId: u, deleted: false, createdAt: '2026-03-01T02:00:00.000Z', problem: `整改问题${id}`, status: 'open', deadline: null, closedOn: null, ...over };
}

export function handUnit(u = 'ua'): MonitoringRecords {
  const quarterly = (org: string, p: string): Meeting[] => [
    meeting(u, `${p}-tpd7`, org, 'themedPartyDay', '2026-07-10'),
    meeting(u, `${p}-tpd8`, org, 'themedPartyDay', '2026-08-10'),
    meeting(u, `${p}-tpd9`, org, 'themedPartyDay', '2026-09-10'),
    meeting(u, `${p}-gm`, org, 'branchGeneralMeeting', '2026-08-20'),
  ];
  return {
    unit: [stored<'unit'>(u, u, unitFields('单位甲', 200))],
    organisation: [
      stored<'organisation'>(u, 'b1', organisationFields({ name: '第一党支部', termStart: '2024-03-01' })),
      stored<'organisation'>(u, 'b2', organisationFields({ name: '第二党支部', foundedOn: '2026-08-10', termStart: '2026-08-10' })),
      stored<'organisation'>(u, 'b3', organisationFields({ name: '第三党支部', dissolvedOn: '2026-08-20', termStart: '2020-01-01' })),
      stored<'organisation'>(u, 'b4', organisationFields({ name: '第四党支部', termStart: '2022-01-01' })),
      stored<'organisation'>(u, 'bx', organisationFields({ name: '已删除的支部', termStart: '2020-01-01' }), true),
    ],
    election: [stored<'election'>(u, 'e-old', electionFields('b4', '2019-01-01'))],
    member: [
      stored<'member'>(u, 'm1', memberFields(1, 'b1', { cadre: 'fullTime' })),
      stored<'member'>(u, 'm2', memberFields(2, 'b1')),
      stored<'member'>(u, 'm3', memberFields(3, 'b4')),
      stored<'member'>(u, 'm4', memberFields(4, 'b4', { cadre: 'fullTime', status: 'retired', statusChangedOn: '2026-05-01' })),
    ],
    meeting: [
      ...quarterly('b1', 'b1').map((m) =>
        m.id === 'b1-tpd7'
          ? { ...m, attendance: [att('m1', 'present'), att('m2', 'absent')] }
          : m.id === 'b1-tpd8'
            ? { ...m, attendance: [att('m1', 'present'), att('m2', 'present'), att('m3', 'excluded')] }
            : m,
      ),
      meeting(u, 'b1-lect-deleted', 'b1', 'partyLecture', '2026-09-01', { deleted: true, attendance: [att('m1', 'absent')] }),
      meeting(u, 'b2-tpd9', 'b2', 'themedPartyDay', '2026-09-15'),
      ...quarterly('b4', 'b4'),
      meeting(u, 'b4-lect', 'b4', 'partyLecture', '2026-09-20', { createdAt: '2026-10-05T02:00:00.000Z' }),
    ],
    trainingClass: [stored<'trainingClass'>(u, 'c1', classFields({ startDate: '2026-05-10', endDate: '2026-05-10' }))],
    enrolment: [stored<'enrolment'>(u, 'en1', enrolmentFields('c1', 'm1'))],
    rectification: [
      rect(u, 'r1', { deadline: '2026-08-31' }),
      rect(u, 'r2', { deadline: '2026-07-31', status: 'closed', closedOn: '2026-07-10' }),
      rect(u, 'r3', { deadline: '2026-12-31', status: 'inProgress' }),
      rect(u, 'r4', { deadline: '2026-09-01', createdAt: '2026-10-10T02:00:00.000Z' }),
      rect(u, 'r5', { deadline: '2026-08-01', deleted: true }),
    ],
  };
}

function att(memberId: string, status: 'present' | 'absent' | 'excluded'): Meeting['attendance'][number] {
  return { memberId, status, absenceReason: status === 'absent' ? 'other' : null, note: '', voting: true };
}

export const HAND_REGISTER: RegisterEntry = { status: 'active', enrolledOn: '2026-01-10' };
export const HAND_BUNDLES: BundleArrival[] = [
  { bundleId: 'bd-3', receivedOn: '2026-09-25' },
  { bundleId: 'bd-1', receivedOn: '2026-06-20' },
  { bundleId: 'bd-2', receivedOn: '2026-08-05' },
];

/** The same records under another unit id (a unit that scores exactly the same). */
export function restamped(records: MonitoringRecords, unitId: string): MonitoringRecords {
  const re = <T extends { unitId: string; id: string }>(rows: readonly T[] | undefined): T[] =>
    (rows ?? []).map((r) => ({ ...r, unitId, id: r.id === r.unitId ? unitId : r.id }));
  return {
    unit: re(records.unit),
    organisation: re(records.organisation),
    election: re(records.election),
    committeeSeat: re(records.committeeSeat),
    member: re(records.member),
    meeting: re(records.meeting),
    trainingClass: re(records.trainingClass),
    enrolment: re(records.enrolment),
    rectification: re(records.rectification),
  };
}
