import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFieldCipher } from '../../../shared/security/fieldCipher';
import { lockDataKey } from '../../identity/dataKeySession';
import { unlockTestDataKey } from '../../identity/testing/dataKey';
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

  it('seals the draft under the data key: the typed text is not in localStorage', () => {
    saveDraft('k', { minutes: '会议由王芳同志主持，讨论了李强同志的困难帮扶。' });
    const raw = storage.items.get('taizhang.meetingDraft.k') ?? '';
    expect(raw).toContain('tz1:');
    expect(raw).not.toContain('王芳');
    expect(loadDraft<{ minutes: string }>('k')?.value.minutes).toBe('会议由王芳同志主持，讨论了李强同志的困难帮扶。');
  });

  it('reads a plain draft left by a program of before encryption at rest; a draft under another key reads as none', () => {
    storage.items.set('taizhang.meetingDraft.old', JSON.stringify({ savedAt: '2026-03-01T00:00:00.000Z', value: { minutes: '旧草稿' } }));
    expect(loadDraft('old')).toEqual({ savedAt: '2026-03-01T00:00:00.000Z', value: { minutes: '旧草稿' } });
    storage.items.set('taizhang.meetingDraft.other', JSON.stringify({ savedAt: '2026-03-01T00:00:00.000Z', sealed: createFieldCipher(new Uint8Array(32).fill(1)).seal('{}', 'draft.meetingDraft') }));
    expect(loadDraft('other')).toBeNull();
  });

  it('keeps nothing while the data key is locked', () => {
    lockDataKey();
    try {
      saveDraft('k', { minutes: '锁定时输入' });
      expect(storage.items.size).toBe(0);
    } finally {
      unlockTestDataKey();
    }
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
