/**
 * The editable lists of 教育培训 (DOMAIN.md, Training): the national defaults offered as
 * suggestions, plus whatever the unit has already typed — the stored value is the Chinese text.
 */
export const DEFAULT_CATEGORIES = ['新任职党务干部培训', '机关纪检干部培训', '党支部书记示范培训', '党员教育培训'] as const;
export const DEFAULT_FORMATS = ['体验式', '现场教学式', '情景再现式', '访谈式', '分享式', '专题讲座'] as const;
export const DEFAULT_PLACE_KINDS = ['红色教育基地', '项目建设一线', '党建工作示范点', '本单位', '其他'] as const;
/** Suggestions for 缺训原因. */
export const ABSENCE_REASONS = ['公务出差', '因病请假', '因事请假', '外出学习', '值班值守'] as const;

/** The defaults first, then the values already used (each once, in first-use order), as AutoComplete options. */
export function suggestions(defaults: readonly string[], used: readonly string[]): { value: string }[] {
  const seen = new Set<string>();
  const out: { value: string }[] = [];
  for (const v of [...defaults, ...used]) {
    const t = v.trim();
    if (t === '' || seen.has(t)) continue;
    seen.add(t);
    out.push({ value: t });
  }
  return out;
}

/** 8 → '8'; 2.5 → '2.5' (hours as people write them). */
export function hoursLabel(h: number): string {
  return String(Math.round(h * 100) / 100);
}
