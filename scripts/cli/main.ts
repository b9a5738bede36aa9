/**
 * `npx taizhang <command> [options]` — the same shared/ code as the app, run by Node.
 * Each command lives in its own file under commands/ and exports `run(args): Promise<number>`
 * (the exit code) and `usage` (one line, Chinese and English).
 */
export interface CliCommand {
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** Command name → its module. Add one line per command (keep the list sorted). */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  // commands: one line each, e.g.  verify: () => import('./commands/verify'),
  bundle: () => import('./commands/bundle'),
  inspect: () => import('./commands/inspect'),
  keys: () => import('./commands/keys'),
  report: () => import('./commands/report'),
  verify: () => import('./commands/verify'),
};

async function printHelp(out: (line: string) => void): Promise<void> {
  out('机关党建台账 命令行工具 (Taizhang command line)');
  out('用法 (usage): npx taizhang <command> [options]');
  for (const [name, load] of Object.entries(COMMANDS)) {
    const usage = await load().then(
      (c) => c.usage,
      () => '(不可用 unavailable)',
    );
    out(`  ${name.padEnd(8)} ${usage}`);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printHelp((l) => console.log(l));
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`未知命令：${name}（unknown command）。运行 npx taizhang --help 查看可用命令。`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}
