/**
 * Finding a member by what a cadre types: part of the name (王芳), pinyin initials (wf), full
 * pinyin (wangfang) or the last digits of the ID number.
 */
import { pinyin } from 'pinyin-pro';

export interface SearchKey {
  readonly name: string;
  readonly initials: string;
  readonly full: string;
  readonly idTail: string;
}

export function searchKey(name: string, idNumber: string): SearchKey {
  return {
    name,
    initials: pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
    full: pinyin(name, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
    idTail: idNumber.slice(-6).toUpperCase(),
  };
}

export function matchesSearch(key: SearchKey, query: string): boolean {
  const q = query.trim();
  if (q === '') return true;
  if (key.name.includes(q)) return true;
  const lower = q.toLowerCase().replace(/\s+/g, '');
  if (/^[a-z]+$/.test(lower)) return key.initials.startsWith(lower) || key.full.startsWith(lower) || key.initials.includes(lower);
  if (/^[0-9xX]{4,6}$/.test(q)) return key.idTail.endsWith(q.toUpperCase());
  return false;
}
