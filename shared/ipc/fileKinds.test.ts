import { describe, expect, it } from 'vitest';
import { APP_FILE_EXTENSIONS, extensionList, extensionOf, isFileOfKinds, savePathOfKind, VIEWABLE_EXTENSIONS } from './fileKinds';

describe('the kinds of file the app writes and reads', () => {
  it('knows every kind the app makes or takes, and nothing that runs', () => {
    expect([...APP_FILE_EXTENSIONS].sort()).toEqual(['jpeg', 'jpg', 'pdf', 'png', 'tzb', 'tzbak', 'tze', 'tzkey', 'webp', 'xlsx']);
    for (const runnable of ['exe', 'lnk', 'bat', 'cmd', 'ps1', 'js', 'html', 'url', 'scr', 'msi']) expect(isFileOfKinds(`a.${runnable}`)).toBe(false);
    expect(VIEWABLE_EXTENSIONS).toEqual(['pdf', 'xlsx']);
  });

  it('reads the extension of a name or a Windows or POSIX path, in any case', () => {
    expect(extensionOf('年度报告.PDF')).toBe('pdf');
    expect(extensionOf('C:\\Users\\张三\\Desktop\\市财政局_第1号.tzb')).toBe('tzb');
    expect(extensionOf('/media/usb/a.b/报告')).toBe('');
    expect(extensionOf('.tzb')).toBe(''); // a hidden file named “.tzb” has no extension
    expect(extensionOf('报告.pdf.lnk')).toBe('lnk');
  });

  it('checks a name against the kinds asked for', () => {
    expect(isFileOfKinds('花名册.xlsx', ['xlsx'])).toBe(true);
    expect(isFileOfKinds('花名册.xlsx', ['pdf'])).toBe(false);
    expect(isFileOfKinds('花名册.xls', ['xls'])).toBe(false); // asked for, but not a kind the app uses
    expect(isFileOfKinds('照片.JPG', ['jpg', 'png'])).toBe(true);
    expect(extensionList(['pdf', 'XLSX'])).toBe('.pdf、.xlsx');
  });

  it('keeps a saved path of a kind asked for, whatever was typed in the dialog', () => {
    expect(savePathOfKind('/home/a/年度报告.pdf', '年度报告.pdf', ['pdf'])).toBe('/home/a/年度报告.pdf');
    expect(savePathOfKind('/home/a/年度报告', '年度报告.pdf', ['pdf'])).toBe('/home/a/年度报告.pdf');
    expect(savePathOfKind('D:\\报告.exe', '年度报告.pdf', ['pdf'])).toBe('D:\\报告.exe.pdf');
    expect(savePathOfKind('D:\\报告.PDF', '年度报告.pdf', ['pdf'])).toBe('D:\\报告.PDF');
    // a name typed with another kind the call allows is kept
    expect(savePathOfKind('/u/照片.png', '照片.jpg', ['jpg', 'png'])).toBe('/u/照片.png');
  });
});
