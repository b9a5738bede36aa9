/**
 * The annual report states the 书记项目's 证明材料 and the 工委's 评价 that came back, and the organisational life issue 14 added: the 党组(党委)'s 民主生活会 (dates,
 * and whether the 机关党委专职副书记 sat in), the 中心组 sessions with the 专职副书记 列席, and the
 * 民主评议党员 grades added up — in 一 and in the figures table, from the records, and “未录入” in words
 * where the ledger has none. Rendered to PDF and read back with pdf.js.
 */
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/model/meeting';
import type { ProjectRating } from '../../shared/model/projectRating';
import { buildAnnualReport } from '../../shared/reports/annualReport';
import type { UnitReportData } from '../../shared/reports/reportData';
import { compact, pdfText } from './pdfReader';
import { renderToFile, smallUnit, YEAR } from './reportFixtures';

const readable = async (name: string, data: UnitReportData): Promise<string> =>
  compact(await pdfText(await renderToFile(name, buildAnnualReport(data, { date: '2027-01-15' })))).replace(/—\d+—/g, '');

describe('the annual report states 民主生活会, 列席 and 民主评议 grades', () => {
  const base = smallUnit();
  const lg = base.organisations.find((o) => o.kind === 'leadingGroup')!;
  const template = base.meetings.find((m) => m.kind === 'democraticAppraisal' && m.attendance.filter((a) => a.voting && a.status !== 'excluded').length >= 4)!;
  const study = base.meetings.filter((m) => m.kind === 'theoryStudyGroup' && m.date.startsWith(`${YEAR}-`));

  it('from the records: the 民主生活会 with its date and the 专职副书记, 中心组 列席, grades by grade', async () => {
    expect(lg, 'the small unit has a 党组').toBeDefined();
    expect(template, 'the small unit has a 民主评议党员 meeting').toBeDefined();
    expect(study.length).toBeGreaterThan(1);
    const life: Meeting = { ...template, id: '01a30000-0000-7000-8000-0000000000c1', organisationId: lg.id, kind: 'democraticLifeMeeting', date: `${YEAR}-12-18`, attendance: [], observers: [{ name: '王立新', post: '机关党委专职副书记' }] };
    let n = 0;
    const graded: Meeting = {
      ...template,
      attendance: template.attendance.map((a) => (a.voting && a.status !== 'excluded' ? { ...a, appraisalGrade: n++ === 0 ? 'excellent' : 'qualified' } : a)),
    };
    const studied = { ...study[0]!, observers: [{ name: '王立新', post: '机关党委专职副书记' }] };
    const meetings = [...base.meetings.filter((m) => m.id !== template.id && m.id !== studied.id && m.kind !== 'democraticLifeMeeting' && !(m.kind === 'democraticAppraisal' && m.date.startsWith(`${YEAR}-`))), graded, life, studied];
    const text = await readable('annual-life.pdf', { ...base, meetings });
    expect(text).toContain('召开民主生活会1次（2026年12月18日），机关党委专职副书记列席');
    expect(text).toContain(`其中1次记录机关党委专职副书记列席`);
    expect(text).toContain(`民主评议党员1次（评定等次${n}名，其中优秀1名、合格${n - 1}名）`);
    expect(text).toContain('民主生活会（次）1');
    expect(text).toContain(`民主评议党员等次（优秀/合格/基本合格/不合格，名）1/${n - 1}/0/0`);
    expect(text).toContain('其中：专职副书记列席（次）1');
  });

  it('says in words when the ledger has no 民主生活会 and no grades, not a canned claim', async () => {
    const meetings = base.meetings.filter((m) => m.kind !== 'democraticLifeMeeting').map((m) => (m.kind === 'democraticAppraisal' ? { ...m, attendance: m.attendance.map(({ appraisalGrade: _g, ...a }) => a) } : m));
    const text = await readable('annual-life-none.pdf', { ...base, meetings });
    expect(text).toContain('台账中未录入本年度民主生活会记录');
    expect(text).toContain('民主生活会（次）未录入');
    expect(text).toMatch(/民主评议党员\d+次（台账中未录入评定等次）/);
    expect(text).toContain('民主评议党员等次（优秀/合格/基本合格/不合格，名）未录入等次');
  });

  it('states each 书记项目\'s 证明材料 and the 工委\'s 评价 when one came back, and says so when none did', async () => {
    const project = base.secretaryProjects.find((p) => p.year === YEAR && !p.deleted)!;
    expect(project, 'the small unit has a 书记项目 of the year').toBeDefined();
    const withFiles = { ...project, attachmentIds: ['01a30000-0000-7000-8000-0000000000f1', '01a30000-0000-7000-8000-0000000000f2'] };
    const rating: ProjectRating = { id: '01a30000-0000-7000-8000-0000000000e1', unitId: project.unitId, rev: '0', deleted: false, createdAt: '2027-01-05T02:00:00.000Z', updatedAt: '2027-01-05T02:00:00.000Z', updatedBy: '李工', sourceDevice: 'c', projectId: project.id, year: YEAR, rating: 'fairlyGood', comment: '成效明显' } as ProjectRating;
    const secretaryProjects = base.secretaryProjects.map((p) => (p.id === project.id ? withFiles : p));
    const rated = await readable('annual-project-rated.pdf', { ...base, secretaryProjects, projectRatings: [rating] });
    expect(rated).toContain('上传证明材料2份，工委评价较好。');
    expect(rated).toContain('书记项目证明材料（份）2');
    expect(rated).toContain('书记项目工委评价较好');

    const none = await readable('annual-project-none.pdf', { ...base, projectRatings: [] });
    expect(none).toContain('台账中未上传证明材料，尚未收到工委评价。');
    expect(none).toContain('书记项目工委评价尚未收到');
  });
});
