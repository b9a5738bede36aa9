/**
 * 签到表 for a planned meeting (no attendance yet: the organisation's members on the day) and for a
 * training class (its enrolled members): every expected name once, a signature column, the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/model';
import { isActiveMemberOn, organisationOn } from '../../shared/rules';
import { chineseDate } from '../../shared/rules/text';
import type { UnitReportData } from '../../shared/reports/reportData';
import { buildSignInSheet, signInSheetForMeeting, signInSheetForTraining } from '../../shared/reports/signInSheet';
import { expectGongwen } from './gongwenChecks';
import { compact, pdfText } from './pdfReader';
import { sessionLabel } from '../../shared/model/training';
import { renderToFile, smallUnit } from './reportFixtures';

let data: UnitReportData;

beforeAll(() => {
  data = smallUnit();
});

describe('签到表', () => {
  it('lists the members of the organisation for a planned meeting, with room to sign', async () => {
    const branch = data.organisations.find((o) => o.kind === 'branch');
    const template = data.meetings.find((m) => m.organisationId === branch?.id);
    expect(template).toBeDefined();
    if (branch === undefined || template === undefined) return;
    const planned: Meeting = {
      ...template,
      id: '01a30000-0000-7000-8000-000000000001',
      kind: 'themedPartyDay',
      date: '2027-01-20',
      place: '三楼党员活动室',
      topics: ['学习贯彻全会精神'],
      attendance: [],
      resolutions: [],
      minutes: '',
    };
    const withPlan: UnitReportData = { ...data, meetings: [...data.meetings, planned] };
    const sheet = signInSheetForMeeting(withPlan, planned.id);
    const expected = data.members
      .filter((m) => isActiveMemberOn(m, planned.date) && (m.postings.length === 0 ? m.organisationId : organisationOn(m, planned.date)) === branch.id)
      .map((m) => m.name);
    expect(sheet.people.map((p) => p.name)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3);

    const pdf = await expectGongwen(await renderToFile('signin-meeting.pdf', buildSignInSheet(sheet)));
    const text = compact(pdf.text);
    expect(text).toContain(`${branch.name}主题党日签到表`);
    expect(text).toContain(`会议时间：${chineseDate(planned.date)}`);
    expect(text).toContain('三楼党员活动室');
    expect(text).toContain(`应到人数：${expected.length}人`);
    expect(text).toContain('签名');
    for (const name of expected) expect(text).toContain(name);
  });

  it('a 民主生活会 prints its 列席人员 (name and post) in a table of their own, not counted in 应到', async () => {
    const lg = data.organisations.find((o) => o.kind === 'leadingGroup');
    const template = data.meetings.find((m) => m.organisationId === lg?.id && m.attendance.length > 0);
    expect(template).toBeDefined();
    if (lg === undefined || template === undefined) return;
    const life: Meeting = { ...template, id: '01a30000-0000-7000-8000-000000000007', kind: 'democraticLifeMeeting', observers: [{ name: '王立新', post: '机关党委专职副书记' }] };
    const sheet = signInSheetForMeeting({ ...data, meetings: [...data.meetings, life] }, life.id);
    expect(sheet.observers).toEqual([{ name: '王立新', post: '机关党委专职副书记' }]);
    const members = life.attendance.filter((a) => a.status !== 'excluded').length;
    expect(sheet.people).toHaveLength(members);
    const text = compact((await expectGongwen(await renderToFile('signin-life.pdf', buildSignInSheet(sheet)))).text);
    expect(text).toContain(`${lg.name}民主生活会签到表`);
    expect(text).toContain(`应到人数：${members}人`);
    expect(text).toContain('列席人员');
    expect(text).toContain('王立新');
    expect(text).toContain('机关党委专职副书记');
    // a 支部 meeting has no such table
    const branchMeeting = data.meetings.find((m) => m.kind === 'themedPartyDay')!;
    expect(signInSheetForMeeting(data, branchMeeting.id).observers).toBeUndefined();
  });

  it('lists a training class’s enrolled members', async () => {
    const cls = data.trainingClasses.find((c) => data.enrolments.filter((e) => e.classId === c.id).length > 20);
    expect(cls).toBeDefined();
    if (cls === undefined) return;
    const sheet = signInSheetForTraining(data, cls.id);
    const enrolled = new Set(data.enrolments.filter((e) => e.classId === cls.id).map((e) => e.memberId));
    expect(sheet.people).toHaveLength(enrolled.size);
    const pdf = await expectGongwen(await renderToFile('signin-training.pdf', buildSignInSheet(sheet)));
    const text = compact(pdf.text);
    expect(text).toContain(`${cls.title}签到表`);
    for (const m of data.members.filter((x) => enrolled.has(x.id))) expect(text).toContain(m.name);
  });

  it('prints a class kept per session (课次) once per session, each page naming its session', async () => {
    const cls = data.trainingClasses.find((c) => c.sessions.length >= 2 && data.enrolments.some((e) => e.classId === c.id));
    expect(cls, 'the small unit has a class of several days').toBeDefined();
    if (cls === undefined) return;
    const sheet = signInSheetForTraining(data, cls.id);
    expect(sheet.sessions).toEqual(cls.sessions.map((x, i) => `${sessionLabel(x, i)}，${x.hours}学时`));
    const file = await renderToFile('signin-sessions.pdf', buildSignInSheet(sheet));
    const checked = await expectGongwen(file);
    expect(checked.pageCount).toBeGreaterThanOrEqual(cls.sessions.length);
    const first = sheet.people[0]!.name;
    // every session starts a page with the title, its own session line, and then the whole list
    const pages = await Promise.all(Array.from({ length: checked.pageCount }, (_, i) => pdfText(file, i + 1, i + 1)));
    const starts = pages.flatMap((t, i) => (compact(t).includes(compact(`${cls.title}签到表`)) ? [i + 1] : []));
    expect(starts).toHaveLength(cls.sessions.length);
    for (const [i, p] of starts.entries()) {
      const text = compact(await pdfText(file, p, starts[i + 1] === undefined ? checked.pageCount : starts[i + 1]! - 1));
      expect(text).toContain(compact(sheet.sessions![i]!));
      expect(text).toContain(first);
      expect(text).toContain(sheet.people[sheet.people.length - 1]!.name);
    }
    expect(compact(checked.text).split(compact(`${cls.title}签到表`)).length - 1).toBe(cls.sessions.length);
  });
});
