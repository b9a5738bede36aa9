#!/usr/bin/env node
/**
 * CPU hogs for testing under load (issue 19: the e2e suite must pass with two hogs beside it).
 *
 *   node scripts/cpu-hogs.mjs start [N]        N (default 2) detached busy-loop node processes; pids in a file under os.tmpdir()
 *   node scripts/cpu-hogs.mjs stop             kills the hogs recorded in that file
 *   node scripts/cpu-hogs.mjs run [-n N] -- <command…>
 *                                              starts N (default 2) hogs, runs the command, always stops the hogs
 *                                              (also when the command fails or on Ctrl-C), prints the command's wall
 *                                              time and exits with the command's code
 *
 * `TZ_HOGS_FILE` overrides the pid file (default: <tmpdir>/taizhang-cpu-hogs-<uid>.pids), so that two
 * people on one machine keep their hogs apart. `run` keeps its own pid file per run and never
 * touches hogs that `start` recorded.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
const DEFAULT_FILE = process.env.TZ_HOGS_FILE ?? path.join(os.tmpdir(), `taizhang-cpu-hogs-${uid}.pids`);

/** Starts `n` detached hogs and appends their pids to `file`. */
function startHogs(n, file) {
  const pids = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, ['-e', 'for(;;){}'], { detached: true, stdio: 'ignore' });
    child.unref();
    pids.push(child.pid);
  }
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, before + pids.map((p) => `${p}\n`).join(''));
  return pids;
}

/** Kills the hogs whose pids are in `file` (only those still alive) and removes the file. */
function stopHogs(file) {
  if (!existsSync(file)) return [];
  const pids = readFileSync(file, 'utf8')
    .split(/\s+/)
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
  const killed = [];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // already gone
    }
  }
  rmSync(file, { force: true });
  return killed;
}

function usage(code) {
  console.error('usage: node scripts/cpu-hogs.mjs start [N] | stop | run [-n N] -- <command…>');
  process.exit(code);
}

const [verb, ...rest] = process.argv.slice(2);

if (verb === 'start') {
  const n = rest[0] === undefined ? 2 : Number(rest[0]);
  if (!Number.isInteger(n) || n < 1) usage(2);
  const pids = startHogs(n, DEFAULT_FILE);
  console.log(`cpu-hogs: started ${n} (pids ${pids.join(' ')}), recorded in ${DEFAULT_FILE}`);
} else if (verb === 'stop') {
  const killed = stopHogs(DEFAULT_FILE);
  console.log(killed.length ? `cpu-hogs: stopped ${killed.join(' ')}` : 'cpu-hogs: none running');
} else if (verb === 'run') {
  let n = 2;
  let args = rest;
  if (args[0] === '-n') {
    n = Number(args[1]);
    if (!Number.isInteger(n) || n < 0) usage(2);
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) usage(2);
  const file = path.join(os.tmpdir(), `taizhang-cpu-hogs-run-${process.pid}.pids`);
  const pids = n > 0 ? startHogs(n, file) : [];
  console.log(`cpu-hogs: ${n} hog(s) running (pids ${pids.join(' ') || '-'}); running: ${args.join(' ')}`);
  const started = process.hrtime.bigint();
  let stopped = false;
  const finish = (code) => {
    if (!stopped) {
      stopped = true;
      stopHogs(file);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const m = Math.floor(seconds / 60);
      console.log(`cpu-hogs: command exited with ${code} after ${seconds.toFixed(1)} s (${m} min ${(seconds - m * 60).toFixed(0)} s wall); hogs stopped`);
    }
    process.exit(code);
  };
  // A shell, so that `run -- a && b` works as typed, in its own process group, so that a signal to
  // this script (Ctrl-C, kill) reaches the whole command (the shell, npx, Playwright, its browsers).
  const child = spawn(args.length === 1 ? args[0] : args.map(quote).join(' '), { shell: true, stdio: 'inherit', detached: true });
  const signalCommand = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // gone
    }
  };
  child.on('error', (e) => {
    console.error(`cpu-hogs: could not start the command: ${e.message}`);
    finish(127);
  });
  child.on('exit', (code, signal) => finish(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1)));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      signalCommand(sig);
      // a command that does not stop on its own is killed after a moment
      setTimeout(() => {
        signalCommand('SIGKILL');
        finish(128 + os.constants.signals[sig]);
      }, 15_000).unref();
    });
  }
  process.on('exit', () => {
    if (!stopped) stopHogs(file);
  });
} else usage(verb === undefined || verb === '-h' || verb === '--help' ? 0 : 2);

/** Quotes one argument for the shell unless it is plain (so `run -- npx playwright test x` keeps its words). */
function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) || ['&&', '||', ';', '|'].includes(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
