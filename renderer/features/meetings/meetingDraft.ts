/**
 * Unsaved meeting forms are kept (sealed) in localStorage while they are typed, so a crash, a closed
 * window or a power cut does not lose a long record (common/formDraft.ts). Cleared when the meeting
 * is saved or the draft discarded.
 */
import { clearFormDraft, loadFormDraft, saveFormDraft, type StoredDraft } from '../common/formDraft';

export type { StoredDraft };

export const loadDraft = <T,>(key: string): StoredDraft<T> | null => loadFormDraft<T>('meetingDraft', key);
export const saveDraft = <T,>(key: string, value: T): void => saveFormDraft('meetingDraft', key, value);
export const clearDraft = (key: string): void => clearFormDraft('meetingDraft', key);
