/**
 * Unsaved meeting forms are kept in localStorage while they are typed, so a crash, a closed window
 * or a power cut does not lose a long record. Cleared when the meeting is saved or the draft discarded.
 */
export interface StoredDraft<T> {
  savedAt: string;
  value: T;
}

const PREFIX = 'taizhang.meetingDraft.';

export function loadDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), value }));
  } catch {
    // storage full: the form itself still holds the text
  }
}

export function clearDraft(key: string): void {
  localStorage.removeItem(PREFIX + key);
}
