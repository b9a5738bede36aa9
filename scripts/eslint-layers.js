// A local ESLint rule that holds the layers of DESIGN.md §2 by resolving every import's real
// target folder (not by string matching): shared/ imports neither renderer/ nor electron/;
// renderer/ and electron/ never import each other; bare modules are checked per layer.
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const LAYERS = ['shared', 'renderer', 'electron', 'scripts'];

/** Which layer may import which other layers. */
const ALLOWED = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  electron: ['electron', 'shared'],
  // build helpers and the command-line tools: Node code over the domain core, never the app's UI or shell
  scripts: ['scripts', 'shared'],
};

/** Bare modules a layer must not use. */
const FORBIDDEN_MODULES = {
  shared: [/^node:/, /^(fs|path|os|child_process|crypto|http|https|net|url|stream|worker_threads|buffer)$/, /^electron(\/|$)/, /^dexie/, /^react/, /^antd/, /^zustand/, /^@ant-design\//],
  renderer: [/^electron(\/|$)/, /^node:/],
  electron: [],
  scripts: [/^electron(\/|$)/],
};

function layerOf(absFile) {
  const rel = path.relative(ROOT, absFile);
  if (rel.startsWith('..')) return null;
  const top = rel.split(path.sep)[0];
  return LAYERS.includes(top) ? top : null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Layer boundaries: shared ← renderer, shared ← electron; nothing else.' },
    schema: [],
    messages: {
      crossLayer: '{{from}}/ must not import {{to}}/ ("{{source}}"). Layers meet only through the bridge in shared/platform.ts (DESIGN.md §2).',
      forbiddenModule: '{{from}}/ must not import the module "{{source}}" (DESIGN.md §2: {{why}}).',
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const from = layerOf(path.resolve(filename));
    if (!from) return {};
    // Tests may use anything (fake-indexeddb, node:fs for fixtures); the rule is about product code.
    if (/\.test\.tsx?$/.test(filename) || filename.endsWith('arbitraries.ts')) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.') || source.startsWith('/')) {
        const to = layerOf(path.resolve(path.dirname(filename), source));
        if (to && !ALLOWED[from].includes(to)) context.report({ node, messageId: 'crossLayer', data: { from, to, source } });
        return;
      }
      if (FORBIDDEN_MODULES[from].some((re) => re.test(source))) {
        const why = from === 'shared' ? 'shared/ is pure domain code' : 'the renderer runs sandboxed and reaches its host only through the bridge';
        context.report({ node, messageId: 'forbiddenModule', data: { from, source, why } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { boundaries: rule } };
