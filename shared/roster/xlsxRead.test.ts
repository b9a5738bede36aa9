/**
 * The .xlsx reader over workbooks written the ways ExcelJS does not write them, built part by part
 * here: a streamed zip with data descriptors and an archive comment (LibreOffice, WPS), inline
 * strings, formula string results, shared formulas, cells and rows without `r`, namespace
 * prefixes, phonetic runs, escaped characters, the 1904 date system, custom and built-in date
 * formats, error values, a formula with no saved result.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readRosterWorkbook, serialToIsoDate } from './xlsxRead';

/** A zip written as a stream (data descriptors after each entry), with an archive comment. */
function streamedZip(parts: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, text] of Object.entries(parts)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  zip.end();
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const comment = strToU8('written by a spreadsheet program');
  const out = new Uint8Array(size + comment.length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(comment, at);
  // the end record's comment length (the last 2 bytes before the comment)
  new DataView(out.buffer).setUint16(size - 2, comment.length, true);
  return out;
}

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function libreOfficeLike(date1904 = false): Uint8Array {
  return streamedZip({
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels':
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<x:workbook ${NS}><x:workbookPr date1904="${date1904 ? 'true' : 'false'}"/><x:sheets><x:sheet name="Old &amp; hidden" sheetId="1" state="hidden" r:id="rId2"/><x:sheet name="花名册" sheetId="2" r:id="rId3"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<Relationships>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="./worksheets/../worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '</Relationships>',
    'xl/styles.xml':
      '<x:styleSheet><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><x:numFmt numFmtId="165" formatCode="0.00_ ;[Red]\\-0.00"/></x:numFmts>' +
      '<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>' +
      '<x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>',
    'xl/sharedStrings.xml':
      '<x:sst><x:si><x:t>姓名</x:t></x:si><x:si><x:r><x:t>身份</x:t></x:r><x:r><x:rPr/><x:t xml:space="preserve">证号</x:t></x:r><x:rPh sb="0" eb="2"><x:t>シン</x:t></x:rPh></x:si><x:si><x:t>A&lt;B_x000D_</x:t></x:si></x:sst>',
    'xl/worksheets/sheet1.xml': `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>旧</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    'xl/worksheets/sheet2.xml':
      `<x:worksheet ${NS}><x:dimension ref="A1:H3"/><x:cols><x:col min="1" max="3" width="12"/></x:cols><x:sheetData>` +
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>王芳</x:t></x:is></x:c><x:c r="B3"><x:v>4.1130219610202E+17</x:v></x:c>' +
      '<x:c r="C3" s="1"><x:v>31533</x:v></x:c><x:c r="D3" s="2"><x:v>1986.1</x:v></x:c><x:c r="E3" t="str"><x:f>A3&amp;""</x:f><x:v>王芳</x:v></x:c>' +
      '<x:c r="F3" t="e"><x:f>VLOOKUP(A3,Z:Z,2,0)</x:f><x:v>#N/A</x:v></x:c><x:c r="G3"><x:f t="shared" ref="G3:G4" si="0">B3*2</x:f></x:c><x:c r="H3" s="3" t="n"><x:v>1</x:v></x:c></x:row>' +
      '<x:row r="4" spans="1:8"><x:c r="A4" t="b"><x:v>1</x:v></x:c><x:c r="G4"><x:f t="shared" si="0"/></x:c><x:c r="XFD4" t="inlineStr"><x:is><x:t>far away</x:t></x:is></x:c></x:row>' +
      '<x:row r="5"/><x:row r="6"><x:c r="A6" t="d"><x:v>1986-05-12T00:00:00</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>',
  });
}

describe('readRosterWorkbook over a LibreOffice/WPS-like file', () => {
  it('reads the first visible sheet, every cell with its kind', () => {
    const r = readRosterWorkbook(libreOfficeLike());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sheets).toEqual([
      { index: 0, name: 'Old & hidden', state: 'hidden' },
      { index: 1, name: '花名册', state: 'visible' },
    ]);
    expect(r.value.sheetIndex).toBe(1);
    const rows = r.value.rows;
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 3, 4, 6]);
    expect(rows[0]!.cells).toEqual([{ t: 'text', text: '姓名' }, { t: 'text', text: '身份证号' }, { t: 'text', text: 'A<B\r' }]);
    expect(rows[1]!.cells).toEqual([
      { t: 'text', text: '王芳' },
      { t: 'number', value: 411302196102020000, text: '411302196102020000' },
      { t: 'date', date: '1986-05-01' }, // 31533 in a 年/月 format
      { t: 'number', value: 1986.1, text: '1986.1' }, // a number format that is not a date
      { t: 'text', text: '王芳' },
      { t: 'error', text: '#N/A' },
      { t: 'formula', formula: 'B3*2' },
      { t: 'date', date: '1900-01-01' },
    ]);
    expect(rows[2]!.cells).toEqual([{ t: 'bool', value: true }, null, null, null, null, null, { t: 'formula', formula: '' }]); // XFD4 is past the column limit
    expect(rows[3]!.cells).toEqual([{ t: 'date', date: '1986-05-12' }]);
  });

  it('the 1904 date system, and Excel’s dates around its 1900-02-29', () => {
    const r = readRosterWorkbook(libreOfficeLike(true));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows[1]!.cells[2]).toEqual({ t: 'date', date: '1990-05-02' });
    expect([59, 60, 61, 25569, 45000].map((s) => serialToIsoDate(s))).toEqual(['1900-02-28', null, '1900-03-01', '1970-01-01', '2023-03-15']);
  });

  it('a chosen sheet is read even when hidden (the user asked for it)', () => {
    const r = readRosterWorkbook(libreOfficeLike(), { sheetIndex: 0 });
    expect(r.ok && r.value.rows[0]!.cells).toEqual([{ t: 'text', text: '旧' }]);
  });
});

describe('hostile XML costs one pass', () => {
  const withSheet = (sheetXml: string) =>
    streamedZip({
      'xl/workbook.xml': `<x:workbook ${NS}><x:sheets><x:sheet name="a" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': sheetXml,
    });

  it.each([
    ['half a million unclosed rows and cells', `<worksheet><sheetData>${'<row><c><v>1'.repeat(500_000)}</sheetData></worksheet>`],
    ['a start tag that never ends', `<worksheet><sheetData><row ${'a="1" '.repeat(1_000_000)}`],
    ['unclosed values in one cell', `<worksheet><sheetData><row><c>${'<v>'.repeat(1_000_000)}</c></row></sheetData></worksheet>`],
  ])('%s: refused as not a workbook, at once', (_, xml) => {
    const file = withSheet(xml);
    const started = performance.now();
    const r = readRosterWorkbook(file);
    expect(!r.ok && r.error.kind).toBe('roster-not-xlsx');
    expect(performance.now() - started).toBeLessThan(3000); // loosely: a quadratic scan would take minutes
  });
});
