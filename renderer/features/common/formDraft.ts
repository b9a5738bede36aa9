/**
 * Unsaved forms kept in localStorage while they are typed, so a crash, a closed window or a power
 * cut does not lose them (the meeting form, the member form). A draft is sealed under the
 * workspace's data key (docs/security.md): a member draft holds an ID number and a phone, and
 * localStorage is a file in the profile like IndexedDB. Nothing is kept while the key is locked;
 * a draft that does not open (another workspace's key) reads as none. Drafts of before encryption
 * at rest (plain JSON) are still read.
 */
import { isSealedValue } from '../../../shared/security/fieldCipher';
import { unlockedFieldCipher } from '../../identity/dataKeySession';

export interface StoredDraft<T> {
  savedAt: string;
  value: T;
}

/** A kind of form, e.g. 'meetingDraft': the storage key is `taizhang.<kind>.<key>`. */
export type DraftKind = 'meetingDraft' | 'memberDraft';

const storageKey = (kind: DraftKind, key: string) => `taizhang.${kind}.${key}`;

export function loadFormDraft<T>(kind: DraftKind, key: string): StoredDraft<T> | null {
  try {
    const raw = localStorage.getItem(storageKey(kind, key));
    if (!raw) return null;
    const stored = JSON.parse(raw) as { savedAt?: unknown; sealed?: unknown; value?: unknown };
    if (typeof stored.savedAt !== 'string') return null;
    if (isSealedValue(stored.sealed)) {
      const cipher = unlockedFieldCipher();
      if (!cipher) return null;
      return { savedAt: stored.savedAt, value: JSON.parse(cipher.open(stored.sealed, `draft.${kind}`)) as T };
    }
    return 'value' in stored ? { savedAt: stored.savedAt, value: stored.value as T } : null;
  } catch {
    return null;
  }
}

export function saveFormDraft<T>(kind: DraftKind, key: string, value: T): void {
  const cipher = unlockedFieldCipher();
  if (!cipher) return;
  try {
    const sealed = cipher.seal(JSON.stringify(value), `draft.${kind}`);
    localStorage.setItem(storageKey(kind, key), JSON.stringify({ savedAt: new Date().toISOString(), sealed }));
  } catch {
    // storage full: the form itself still holds the text
  }
}

export function clearFormDraft(kind: DraftKind, key: string): void {
  try {
    localStorage.removeItem(storageKey(kind, key));
  } catch {
    // nothing to clear
  }
}
