/**
 * `npm run bench [-- name…] [--flag value…]`: the names choose benchmarks (run.ts), the flags are
 * passed to each benchmark's run(options) — e.g. `npm run bench -- city --units 200`.
 */
export type BenchOptions = Readonly<Record<string, string>>;

export function parseBenchArgs(argv: readonly string[]): { names: string[]; options: BenchOptions } {
  const names: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(arg);
    if (flag === null) names.push(arg);
    else if (flag[2] !== undefined) options[flag[1]!] = flag[2];
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) options[flag[1]!] = argv[++i]!;
    else options[flag[1]!] = 'true';
  }
  return { names, options };
}

/** An integer flag within bounds, or the default; anything else stops the run with the reason. */
export function intOption(options: BenchOptions, name: string, fallback: number, min: number, max: number): number {
  const text = options[name];
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} ${text}: expected an integer from ${min} to ${max}`);
  return n;
}
