// Local ESLint rules that hold the layers of DESIGN.md §2 by resolving every import's real target
// (not by string matching):
//   layers/boundaries — between the layers: shared/ imports neither renderer/ nor electron/;
//     renderer/ and electron/ never import each other; bare modules are checked per layer. Inside
//     the layers (as VS Code's code-layering rule does inside its own): the folders of shared/ and
//     renderer/ are ordered and a lower folder never imports a higher one; one feature never
//     imports another (only features/common); product code never imports a test kit (testing/).
//   layers/reads-through-queries — screens (renderer/features) never hold the database: they
//     read through the typed query modules of renderer/db/queries (DESIGN.md §3).
//   layers/no-double-cast — no `as unknown as` in product code outside a short allow-list.
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

/**
 * The inner orders, lowest tier first: a folder (or top-level file) of a layer imports only its own
 * tier and the tiers below. Every folder must be placed: a new one is reported until it is.
 */
const INNER_ORDERS = {
  shared: [
    // ids, clocks, errors, encodings, the bridge's contract, file kinds: no domain knowledge
    ['errors', 'ids', 'clock', 'encoding', 'ipc', 'platform.ts', 'security', 'attachments'],
    // record schemas and types, vocabularies
    ['model'],
    // the rules over plain records (one figure, one function)
    ['rules'],
    // an area's documents and inputs built on the rules: roster import, setup input, 签到表 rows
    ['roster', 'setup', 'training'],
    // report builders and the sync-bundle codec
    ['reports', 'bundle'],
    // the workspace backup file: built on the bundle codec's pieces (canonical JSON, sealed secrets, zip)
    ['backup'],
  ],
  renderer: [
    ['platform', 'store', 'identity'],
    // the database: schema, repositories, queries, sync
    ['db'],
    // workers read the database and run shared code, never a screen's
    ['workers'],
    ['features'],
    // the root composes the features (routes)
    ['App.tsx', 'main.tsx', 'env.d.ts'],
  ],
};

const ORDER_TEXT = Object.fromEntries(
  Object.entries(INNER_ORDERS).map(([layer, tiers]) => [layer, tiers.map((t) => t.map((f) => f.replace(/\.tsx?$/, '')).join('·')).join(' < ')]),
);

/** Bare modules a layer must not use. */
const FORBIDDEN_MODULES = {
  shared: [/^node:/, /^(fs|path|os|child_process|crypto|http|https|net|url|stream|worker_threads|buffer)$/, /^electron(\/|$)/, /^dexie/, /^react/, /^antd/, /^zustand/, /^@ant-design\//],
  renderer: [/^electron(\/|$)/, /^node:/],
  electron: [],
  scripts: [/^electron(\/|$)/],
};

/**
 * Files of product code allowed an `as unknown as`, each with its reason. Everything else asks
 * the types (a typed table, a generic, a schema's output) instead of overruling them.
 */
const DOUBLE_CAST_ALLOWED = {
  'shared/bundle/decode.ts':
    'the brands UntrustedBundle, VerifiedBundle and OpenedBundle (DESIGN.md §10.4) exist only in types: decode gives a value its brand where the check that earns it has run',
  'shared/bundle/utf8.ts': 'shared/ compiles without DOM types (types: []), so the runtime TextDecoder is reached through globalThis',
};

function layerOf(absFile) {
  const rel = path.relative(ROOT, absFile);
  if (rel.startsWith('..')) return null;
  const top = rel.split(path.sep)[0];
  return LAYERS.includes(top) ? top : null;
}

/** The path inside the repository, with forward slashes. */
function repoPath(absFile) {
  return path.relative(ROOT, absFile).split(path.sep).join('/');
}

/** shared/model/x.ts → 'model'; renderer/App.tsx → 'App.tsx'. */
function folderOf(rel) {
  return rel.split('/')[1] ?? '';
}

function tierOf(layer, rel) {
  const tiers = INNER_ORDERS[layer];
  if (!tiers) return null;
  const folder = folderOf(rel);
  // an import without extension names a top-level file by its stem
  const i = tiers.findIndex((t) => t.includes(folder) || t.some((f) => f.replace(/\.tsx?$/, '') === folder));
  return i === -1 ? -1 : i;
}

/** renderer/features/meetings/x.tsx → 'meetings'; null outside the features. */
function featureOf(rel) {
  const parts = rel.split('/');
  return parts[0] === 'renderer' && parts[1] === 'features' && parts.length > 3 ? parts[2] : null;
}

const isTest = (filename) => /\.test\.tsx?$/.test(filename);
/** A test kit: a file in a `testing/` folder beside what it helps to test. */
const isTestKit = (rel) => rel.split('/').includes('testing');

/** Resolves an import's source to its absolute path (relative or root-anchored sources only). */
function resolved(filename, source) {
  return source.startsWith('.') || source.startsWith('/') ? path.resolve(path.dirname(filename), source) : null;
}

function importVisitors(check) {
  return {
    ImportDeclaration: (node) => check(node, node.source.value),
    ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
    ExportAllDeclaration: (node) => check(node, node.source.value),
    ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
  };
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Layer boundaries (shared ← renderer, shared ← electron) and the orders inside shared/ and renderer/.' },
    schema: [],
    messages: {
      crossLayer: '{{from}}/ must not import {{to}}/ ("{{source}}"). Layers meet only through the bridge in shared/platform.ts (DESIGN.md §2).',
      forbiddenModule: '{{from}}/ must not import the module "{{source}}" (DESIGN.md §2: {{why}}).',
      innerOrder:
        '{{layer}}/{{fromFolder}} must not import {{layer}}/{{toFolder}} ("{{source}}"): inside {{layer}}/ the order is {{order}}, and a lower folder never imports a higher one (DESIGN.md §2).',
      unplaced: '{{layer}}/{{folder}} has no place in the inner order of {{layer}}/ ({{order}}): add it to INNER_ORDERS in scripts/eslint-layers.js and to the README.',
      crossFeature:
        'features/{{fromFeature}} must not import features/{{toFeature}} ("{{source}}"): a feature imports only features/common; move what both need there, or compose the two in renderer/App.tsx (DESIGN.md §2).',
      commonImportsFeature: 'features/common must not import features/{{toFeature}} ("{{source}}"): common is below every feature.',
      testKit: 'Product code must not import a test kit ("{{source}}"): testing/ folders are for tests only.',
    },
  },
  create(context) {
    const filename = path.resolve(context.filename ?? context.getFilename());
    const from = layerOf(filename);
    if (!from) return {};
    // Tests may use anything (fake-indexeddb, node:fs for fixtures); the rule is about product code.
    if (isTest(filename)) return {};
    const fromRel = repoPath(filename);
    const kit = isTestKit(fromRel);
    const fromTier = tierOf(from, fromRel);

    function checkInner(node, source, target) {
      const toRel = repoPath(target);
      if (!kit && isTestKit(toRel)) {
        context.report({ node, messageId: 'testKit', data: { source } });
        return;
      }
      if (layerOf(target) !== from || kit) return; // test kits sit beside what they test and may use any of it
      const toTier = tierOf(from, toRel);
      if (toTier === null) return;
      const data = { layer: from, fromFolder: folderOf(fromRel), toFolder: folderOf(toRel), source, order: ORDER_TEXT[from] };
      if (toTier === -1) {
        context.report({ node, messageId: 'unplaced', data: { layer: from, folder: folderOf(toRel), order: ORDER_TEXT[from] } });
        return;
      }
      if (fromTier >= 0 && toTier > fromTier) {
        context.report({ node, messageId: 'innerOrder', data });
        return;
      }
      const fromFeature = featureOf(fromRel);
      const toFeature = featureOf(toRel);
      if (fromFeature && toFeature && fromFeature !== toFeature) {
        if (fromFeature === 'common') context.report({ node, messageId: 'commonImportsFeature', data: { toFeature, source } });
        else if (toFeature !== 'common') context.report({ node, messageId: 'crossFeature', data: { fromFeature, toFeature, source } });
      }
    }

    function check(node, source) {
      if (typeof source !== 'string') return;
      const target = resolved(filename, source);
      if (target) {
        const to = layerOf(target);
        if (to && !ALLOWED[from].includes(to)) {
          context.report({ node, messageId: 'crossLayer', data: { from, to, source } });
          return;
        }
        checkInner(node, source, target);
        return;
      }
      if (FORBIDDEN_MODULES[from].some((re) => re.test(source))) {
        const why = from === 'shared' ? 'shared/ is pure domain code' : 'the renderer runs sandboxed and reaches its host only through the bridge';
        context.report({ node, messageId: 'forbiddenModule', data: { from, source, why } });
      }
    }

    return {
      Program(node) {
        if (fromTier === -1 && !kit) context.report({ node, messageId: 'unplaced', data: { layer: from, folder: folderOf(fromRel), order: ORDER_TEXT[from] } });
      },
      ...importVisitors(check),
    };
  },
};

/** Functions that run a query of renderer/db on the app's database for a screen. */
const DATABASE_RUNNERS = new Set(['onAppDatabase', 'useAppQuery']);

const readsThroughQueries = {
  meta: {
    type: 'problem',
    docs: { description: 'Screens read through renderer/db/queries and write through repositories; they never hold the database.' },
    schema: [],
    messages: {
      appDatabase:
        'renderer/features must not use appDatabase(): read through a query of renderer/db/queries with useAppQuery / onAppDatabase, write through a repository (DESIGN.md §3).',
      inlineQuery:
        '{{runner}} takes a query of renderer/db (e.g. useAppQuery(unitMeetings, unitId)), not a function of the screen over the database: put the read in renderer/db/queries/<area>.ts (DESIGN.md §3).',
    },
  },
  create(context) {
    const filename = path.resolve(context.filename ?? context.getFilename());
    const rel = repoPath(filename);
    if (!rel.startsWith('renderer/features/') || isTest(filename)) return {};
    return {
      ImportSpecifier(node) {
        if (node.imported.name === 'appDatabase') context.report({ node, messageId: 'appDatabase' });
      },
      MemberExpression(node) {
        if (!node.computed && node.property.name === 'appDatabase') context.report({ node, messageId: 'appDatabase' });
      },
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || !DATABASE_RUNNERS.has(node.callee.name)) return;
        const first = node.arguments[0];
        if (first && (first.type === 'ArrowFunctionExpression' || first.type === 'FunctionExpression'))
          context.report({ node: first, messageId: 'inlineQuery', data: { runner: node.callee.name } });
      },
    };
  },
};

const noDoubleCast = {
  meta: {
    type: 'problem',
    docs: { description: 'No `as unknown as` in product code outside DOUBLE_CAST_ALLOWED.' },
    schema: [],
    messages: {
      doubleCast:
        '`as unknown as` overrules the types: use the typed table, a generic or the schema\'s output instead. The few files that need it are listed with their reason in DOUBLE_CAST_ALLOWED (scripts/eslint-layers.js).',
    },
  },
  create(context) {
    const filename = path.resolve(context.filename ?? context.getFilename());
    const rel = repoPath(filename);
    if (!layerOf(filename) || isTest(filename) || isTestKit(rel) || rel in DOUBLE_CAST_ALLOWED) return {};
    return {
      TSAsExpression(node) {
        if (node.expression.type === 'TSAsExpression' && node.expression.typeAnnotation.type === 'TSUnknownKeyword') context.report({ node, messageId: 'doubleCast' });
      },
    };
  },
};

export { DOUBLE_CAST_ALLOWED, INNER_ORDERS };
export default { rules: { boundaries, 'reads-through-queries': readsThroughQueries, 'no-double-cast': noDoubleCast } };
