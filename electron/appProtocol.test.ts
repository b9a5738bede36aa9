import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './appProtocol';

const ROOT = path.resolve('/opt/taizhang/renderer');

describe('app:// request resolution', () => {
  it('serves index.html for the root and files under the renderer folder', () => {
    expect(resolveAppRequest('app://taizhang/', ROOT)).toEqual({ kind: 'file', filePath: path.join(ROOT, 'index.html'), mime: 'text/html; charset=utf-8' });
    const asset = resolveAppRequest('app://taizhang/assets/index-abc.js', ROOT);
    expect(asset).toEqual({ kind: 'file', filePath: path.join(ROOT, 'assets/index-abc.js'), mime: 'text/javascript; charset=utf-8' });
  });

  it('keeps dot segments inside the renderer folder (the URL parser folds them at the root)', () => {
    const r = resolveAppRequest('app://taizhang/%2e%2e/%2e%2e/etc/passwd', ROOT);
    expect(r).toEqual({ kind: 'file', filePath: path.join(ROOT, 'etc/passwd'), mime: 'application/octet-stream' });
  });

  it('refuses a traversal hidden in encoded slashes', () => {
    expect(resolveAppRequest('app://taizhang/assets%2f..%2f..%2f..%2fsecret', ROOT)).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest('app://taizhang/..%5c..%5csecret', ROOT)).toEqual(
      path.sep === '\\' ? { kind: 'refused', status: 403 } : { kind: 'file', filePath: path.join(ROOT, '..\\..\\secret'), mime: 'application/octet-stream' },
    );
  });

  it('refuses another host or scheme, and malformed escapes', () => {
    expect(resolveAppRequest('app://other/index.html', ROOT)).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest('https://taizhang/index.html', ROOT)).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest('app://taizhang/%E0%A4%A', ROOT)).toEqual({ kind: 'refused', status: 400 });
    expect(resolveAppRequest('app://taizhang/a%00b', ROOT)).toEqual({ kind: 'refused', status: 400 });
  });
});
