import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, restoreBounds, saveWindowState } from './windowState';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
const SECOND = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('window state', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreBounds(null, [PRIMARY])).toEqual({ x: 320, y: 110, width: 1280, height: 820, maximized: false });
  });

  it('restores saved bounds that are on a display', () => {
    const saved = { x: 2000, y: 50, width: 1100, height: 800, maximized: false };
    expect(restoreBounds(saved, [PRIMARY, SECOND])).toEqual(saved);
  });

  it('brings a window back when its display is gone (laptop undocked)', () => {
    const saved = { x: 2000, y: 50, width: 1100, height: 800, maximized: true };
    const r = restoreBounds(saved, [PRIMARY]);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(1920);
    expect(r.maximized).toBe(true);
  });

  it('shrinks a window larger than its display to fit', () => {
    const r = restoreBounds({ x: -50, y: -20, width: 2500, height: 1400, maximized: false }, [PRIMARY]);
    expect(r).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('saves atomically and ignores a damaged file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tz-win-'));
    const file = path.join(dir, 'window-state.json');
    saveWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 10, width: 1200 });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    writeFileSync(file, '{"x": 1, "y"');
    expect(loadWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 1, y: 1, width: 50, height: 50, maximized: false }));
    expect(loadWindowState(file)).toBeNull();
  });
});
