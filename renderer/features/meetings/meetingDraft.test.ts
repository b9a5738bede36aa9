import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from './meetingDraft';

/** localStorage as the browser has it, with a quota that can run out. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-15T02:30:00.000Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('meeting drafts in localStorage', () => {
  it('keeps a typed form with the time it was saved, under the app’s own prefix, until cleared', () => {
    const value = { topics: ['重温入党誓词'], minutes: '会议由王芳同志主持。' };
    saveDraft('new:org-1', value);
    expect([...storage.items.keys()]).toEqual(['taizhang.meetingDraft.new:org-1']);
    expect(loadDraft<typeof value>('new:org-1')).toEqual({ savedAt: '2026-03-15T02:30:00.000Z', value });
    expect(loadDraft('edit:m-2')).toBeNull();

    clearDraft('new:org-1');
    expect(loadDraft('new:org-1')).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('a later save replaces the draft', () => {
    saveDraft('k', { minutes: '第一稿' });
    vi.setSystemTime(new Date('2026-03-15T02:31:00.000Z'));
    saveDraft('k', { minutes: '第二稿' });
    expect(loadDraft('k')).toEqual({ savedAt: '2026-03-15T02:31:00.000Z', value: { minutes: '第二稿' } });
  });

  it('a full storage loses the draft quietly (the form still holds the text), a corrupt one reads as none', () => {
    storage.full = true;
    expect(() => saveDraft('k', { minutes: '长记录' })).not.toThrow();
    expect(loadDraft('k')).toBeNull();
    storage.full = false;
    storage.items.set('taizhang.meetingDraft.k', '{not json');
    expect(loadDraft('k')).toBeNull();
  });
});
