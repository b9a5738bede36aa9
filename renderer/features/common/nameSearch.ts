/**
 * Finding a name by what a cadre types: part of the name (财政), pinyin initials (scz), or full
 * pinyin (shicaizheng). Keys are computed once per name, matching is cheap.
 */
import { pinyin } from 'pinyin-pro';

export interface NameKey {
  readonly name: string;
  readonly initials: string;
  readonly full: string;
}

export function nameKey(name: string): NameKey {
  return {
    name,
    initials: pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(),
    full: pinyin(name, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
  };
}

export function matchesName(key: NameKey, query: string): boolean {
  const q = query.trim();
  if (q === '') return true;
  if (key.name.includes(q)) return true;
  const lower = q.toLowerCase().replace(/\s+/g, '');
  return /^[a-z]+$/.test(lower) && (key.initials.includes(lower) || key.full.startsWith(lower));
}
