/** Argument parsing shared by the commands: node:util parseArgs, with usage errors as values. */
import { parseArgs } from 'node:util';

export type ParsedArgs = { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] } | { ok: false; message: string };

export function parseCommandArgs(
  args: readonly string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { ok: true, values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Print a usage error (exit code 2). */
export function usageError(message: string, usage: string): number {
  console.error(`用法错误 (usage error): ${message}`);
  console.error(`用法 (usage): ${usage}`);
  return 2;
}

/** Parse a positive integer option, or null. */
export function positiveInteger(text: string | boolean | undefined): number | null {
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** Parse a non-negative integer option, or null. */
export function nonNegativeInteger(text: string | boolean | undefined): number | null {
  if (text === '0') return 0;
  return positiveInteger(text);
}
