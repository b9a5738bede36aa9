/**
 * 会议记录 of one meeting and an organisation's year of 三会一课 记录, from the `small` unit: the
 * fields, attendance (absentees with their reasons), quorum and vote results exactly as
 * shared/rules/meetings/quorum.ts judges them, and the 公文 page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ABSENCE_REASON_LABELS, MEETING_KIND_LABELS } from '../../shared/model/vocabulary';
import { countAttendance, hasCommitteeOn, meetingCompliance, motionResult, voteQuorum } from '../../shared/rules';
import { chineseDate, percent } from '../../shared/rules/text';
import { tidy } from '../../shared/reports/format';
import { buildMeetingBook, buildMeetingRecord } from '../../shared/reports/meetingRecord';
import type { UnitReportData } from '../../shared/reports/reportData';
import { expectGongwen } from './gongwenChecks';
import { compact } from './pdfReader';
import { AS_OF, renderToFile, smallUnit } from './reportFixtures';

let data: UnitReportData;

beforeAll(() => {
  data = smallUnit();
});

describe('会议记录', () => {
  it('records one 支部党员大会: fields, attendance with absentees and reasons, quorum and votes', async () => {
    const meeting =
      data.meetings.find((m) => m.kind === 'branchGeneralMeeting' && m.resolutions.length > 0 && m.attendance.some((a) => a.status === 'absent')) ??
      data.meetings.find((m) => m.kind === 'branchGeneralMeeting' && m.resolutions.length > 0);
    expect(meeting, 'the small fixture has a 支部党员大会 with a resolution').toBeDefined();
    if (meeting === undefined) return;
    const organisation = data.organisations.find((o) => o.id === meeting.organisationId);
    const pdf = await expectGongwen(await renderToFile('meeting.pdf', buildMeetingRecord(data, meeting.id)));
    const text = compact(pdf.text);

    expect(text).toContain(`${organisation?.name}${MEETING_KIND_LABELS.branchGeneralMeeting}记录`);
    expect(text).toContain(`时间：${chineseDate(meeting.date)}`);
    expect(text).toContain(`地点：${meeting.place}`);
    expect(text).toContain(`主持人：${meeting.chair}`);
    expect(text).toContain(`记录人：${meeting.recorder}`);
    const counts = countAttendance(meeting.attendance);
    expect(text).toContain(`应到人数：${counts.shouldAttend}人`);
    expect(text).toContain(`实到人数：${counts.present}人`);
    const names = new Map(data.members.map((m) => [m.id, m.name] as const));
    for (const a of meeting.attendance.filter((x) => x.status === 'absent'))
      expect(text).toContain(`${names.get(a.memberId)}（${ABSENCE_REASON_LABELS[a.absenceReason ?? 'other']}`);
    for (const t of meeting.topics) expect(text).toContain(compact(t));
    expect(text).toContain(compact(tidy(voteQuorum(counts, data.profile).reason)));
    for (const r of meeting.resolutions) {
      expect(text).toContain(`赞成${r.yes}票，反对${r.no}票，弃权${r.abstain}票`);
      expect(text).toContain(compact(tidy(motionResult(r, counts, data.profile).reason)));
    }
  });

  it('records a 民主评议党员 meeting’s grades by grade with the 优秀 share, and a 民主生活会’s 列席人员', async () => {
    const template = data.meetings.find((m) => m.kind === 'democraticAppraisal' && m.attendance.filter((a) => a.voting && a.status !== 'excluded').length >= 3);
    expect(template, 'the small fixture has a 民主评议党员 meeting').toBeDefined();
    if (template === undefined) return;
    const names = new Map(data.members.map((m) => [m.id, m.name] as const));
    let given = 0;
    const graded = {
      ...template,
      attendance: template.attendance.map((a) => (a.voting && a.status !== 'excluded' ? { ...a, appraisalGrade: given++ === 0 ? ('excellent' as const) : ('qualified' as const) } : a)),
    };
    const first = graded.attendance.find((a) => a.appraisalGrade === 'excellent')!;
    const lg = data.organisations.find((o) => o.kind === 'leadingGroup')!;
    const life = { ...template, id: '01a30000-0000-7000-8000-0000000000b7', organisationId: lg.id, kind: 'democraticLifeMeeting' as const, attendance: [], observers: [{ name: '王立新', post: '机关党委专职副书记' }] };
    const withBoth: UnitReportData = { ...data, meetings: [...data.meetings.filter((m) => m.id !== template.id), graded, life] };

    const text = compact((await expectGongwen(await renderToFile('meeting-appraisal.pdf', buildMeetingRecord(withBoth, graded.id)))).text);
    expect(text).toContain(`评议等次：参加评定的党员${given}人，评为优秀1人，未超过三分之一`);
    expect(text).toContain(`优秀（1人）：${names.get(first.memberId)}`);
    expect(text).toContain(`合格（${given - 1}人）`);

    const lifeText = compact((await expectGongwen(await renderToFile('meeting-life.pdf', buildMeetingRecord(withBoth, life.id)))).text);
    expect(lifeText).toContain(`${lg.name}民主生活会记录`);
    expect(lifeText).toContain('列席人员：王立新（机关党委专职副书记）');

    // a 党组会议 recorded before 列席人员 could be entered: not recorded, which is not "none attended"
    const older = data.meetings.find((m) => m.kind === 'leadingGroupMeeting' && m.observers === undefined);
    expect(older, 'the small fixture has a 党组会议 without 列席人员').toBeDefined();
    if (older === undefined) return;
    const olderText = compact((await expectGongwen(await renderToFile('meeting-older.pdf', buildMeetingRecord(data, older.id)))).text);
    expect(olderText).toContain('列席人员：未记录');
    const none = { ...older, observers: [] };
    const noneText = compact((await expectGongwen(await renderToFile('meeting-none.pdf', buildMeetingRecord({ ...data, meetings: data.meetings.map((m) => (m.id === older.id ? none : m)) }, older.id)))).text);
    expect(noneText).toContain('列席人员：无');
  });

  it('collects a branch’s year: completion by kind from meetingCompliance, a list, one record per page', async () => {
    const branch = data.organisations.find((o) => o.kind === 'branch' && data.meetings.some((m) => m.organisationId === o.id));
    expect(branch).toBeDefined();
    if (branch === undefined) return;
    const pdf = await expectGongwen(await renderToFile('meeting-book.pdf', buildMeetingBook(data, branch.id)));
    const text = compact(pdf.text);
    expect(text).toContain(`${branch.name}2026年度“三会一课”记录`);
    const compliance = meetingCompliance(
      { organisation: branch, hasCommittee: hasCommitteeOn(data.seats, branch.id, AS_OF), meetings: data.meetings, year: 2026, asOf: AS_OF },
      data.profile,
    );
    expect(text).toContain(`${compliance.completion.met}/${compliance.completion.due}（${percent(compliance.completion.rate ?? 0)}）`);
    for (const k of compliance.kinds) expect(text).toContain(`${MEETING_KIND_LABELS[k.kind]}`);
    const own = data.meetings.filter((m) => m.organisationId === branch.id && m.date.startsWith('2026'));
    expect(own.length).toBeGreaterThan(10);
    expect(text).toContain(`共${own.length}次会议`);
    // each record starts a page: summary pages + one page or more per meeting
    expect(pdf.pageCount).toBeGreaterThan(own.length);
    for (const m of own) expect(text).toContain(`${chineseDate(m.date)}${MEETING_KIND_LABELS[m.kind]}记录`);
  });
});
