/**
 * Files this session saved, by a random token, so the renderer can ask to open one (to print a
 * report) without ever sending a path: the main process opens only what it saved itself.
 */
import { randomUUID } from 'node:crypto';

export class SavedFiles {
  private readonly paths = new Map<string, string>();

  constructor(private readonly limit = 50) {}

  remember(filePath: string): string {
    const token = randomUUID();
    this.paths.set(token, filePath);
    while (this.paths.size > this.limit) this.paths.delete(this.paths.keys().next().value!);
    return token;
  }

  lookup(token: string): string | null {
    return this.paths.get(token) ?? null;
  }
}

export const savedFiles = new SavedFiles();
