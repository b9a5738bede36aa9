// Types of scripts/eslint-layers.js for the tests that read its lists (test/lint/layers.test.ts).
import type { ESLint } from 'eslint';

/** Files of product code allowed an `as unknown as`, each with its reason. */
export declare const DOUBLE_CAST_ALLOWED: Readonly<Record<string, string>>;
/** The inner orders of shared/ and renderer/, lowest tier first. */
export declare const INNER_ORDERS: Readonly<Record<'shared' | 'renderer', readonly (readonly string[])[]>>;
declare const plugin: ESLint.Plugin;
export default plugin;
