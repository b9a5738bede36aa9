/**
 * JSON.parse for untrusted text, followed by a walk that refuses what JSON.parse lets through but
 * later code must never see: keys that could reach an object's prototype (`__proto__`,
 * `constructor`, `prototype`) and nesting deeper than a bound. JSON.parse itself defines `__proto__`
 * as a plain own property (it does not pollute), but a later `Object.assign` or a zod record would
 * use it as the prototype setter; refusing such keys outright is simpler than reasoning about each
 * consumer.
 */
export const FORBIDDEN_JSON_KEYS: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Parse `text` as JSON; refuse forbidden keys anywhere and nesting deeper than `maxDepth`. */
export function parseUntrustedJson(text: string, maxDepth: number): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const problem = findProblem(value, maxDepth);
  return problem === null ? { ok: true, value } : { ok: false, reason: problem };
}

/** Iterative walk (no recursion, so hostile nesting cannot exhaust the stack). */
function findProblem(root: unknown, maxDepth: number): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return `nested deeper than ${maxDepth} levels`;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_JSON_KEYS.includes(key)) return `forbidden key "${key}"`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
