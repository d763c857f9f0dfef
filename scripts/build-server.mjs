#!/usr/bin/env node
/**
 * Builds the server into server/dist/main.js (ESM, with source maps) so
 * `npm start` runs plain JavaScript instead of transpiling every TypeScript file
 * through tsx at each start (seconds on a small machine).
 *
 *   node scripts/build-server.mjs             build
 *   node scripts/build-server.mjs --if-stale  build only when server/dist is missing or
 *                                             older than one of the files it was built from
 *
 * npm packages stay external (resolved from node_modules at run time, so PGlite
 * finds its .wasm/.data files and native modules load as usual); the workspace
 * package @santong/contract is TypeScript and is bundled in. Source files that
 * use `import.meta.dirname` get their own directory, not server/dist.
 *
 * Modules the server loads with `import()` (document exports, the demo seed)
 * become chunks next to main.js, loaded on first use: their heavy packages
 * (docx, ECharts, resvg) stay out of server start. Chunks of an earlier build
 * are kept for an hour, in case a server started from it still needs them.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'server', 'dist');
const outFile = path.join(outDir, 'main.js');
export const SERVER_MAIN = outFile;
const inputsFile = path.join(outDir, 'inputs.json');
const entry = path.join(root, 'server', 'src', 'main.ts');

/** Files the last build read (from esbuild's metafile), plus this script. */
function isStale() {
  if (!fs.existsSync(outFile) || !fs.existsSync(inputsFile)) return 'server/dist is missing';
  const builtAt = fs.statSync(outFile).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  } catch {
    return 'server/dist/inputs.json is unreadable';
  }
  for (const rel of [...inputs, 'scripts/build-server.mjs']) {
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) return `${rel} is gone`;
    if (fs.statSync(file).mtimeMs > builtAt) return `${rel} changed`;
  }
  return null;
}

/** Workspace packages (TypeScript sources) are bundled; every other bare import stays external. */
const externals = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@santong/') || path.isAbsolute(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** `import.meta.dirname` in a bundled file means that file's own source directory. */
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('import.meta.dirname')) return undefined;
      const rel = path.relative(outDir, path.dirname(args.path)).split(path.sep).join('/');
      const replaced = source.replaceAll('import.meta.dirname', `(import.meta.dirname + ${JSON.stringify('/' + rel)})`);
      return { contents: replaced, loader: 'ts' };
    });
  },
};

export async function buildServer({ quiet = false } = {}) {
  const t0 = performance.now();
  const startedAt = new Date();
  const result = await esbuild.build({
    entryPoints: { main: entry },
    outdir: outDir,
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [externals, ownDirname],
    banner: { js: '// Built by scripts/build-server.mjs from server/src; do not edit.' },
  });
  // Each file is written whole (temp file + rename) and main.js last, so a server starting
  // while another process builds never reads half a file or a chunk that is not there yet.
  fs.mkdirSync(outDir, { recursive: true });
  const atomicWrite = (file, contents) => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, file);
  };
  const files = [...result.outputFiles].sort((a, b) => Number(a.path.startsWith(outFile)) - Number(b.path.startsWith(outFile)));
  for (const f of files) atomicWrite(f.path, f.contents);
  const inputs = Object.keys(result.metafile.inputs).map((f) => path.relative(root, path.resolve(root, f)).split(path.sep).join('/'));
  // main.js is dated when the build began: a source saved during the build counts as newer
  fs.utimesSync(outFile, startedAt, startedAt);
  atomicWrite(inputsFile, JSON.stringify(inputs.sort(), null, 1) + '\n');
  const outputs = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
  for (const f of fs.readdirSync(outDir)) {
    const file = path.join(outDir, f);
    if (/\.js(\.map)?$/.test(f) && !outputs.has(file) && Date.now() - fs.statSync(file).mtimeMs > 3600_000) fs.rmSync(file);
  }
  if (!quiet) console.log(`server/dist/main.js built from ${inputs.length} files in ${Math.round(performance.now() - t0)} ms`);
}

/** Builds when stale; returns whether it built. */
export async function buildServerIfStale({ quiet = false } = {}) {
  const why = isStale();
  if (!why) return false;
  if (!quiet) console.log(`building the server (${why})`);
  await buildServer({ quiet });
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    if (ifStale) await buildServerIfStale();
    else await buildServer();
  } catch (err) {
    console.error(err?.message ?? err);
    process.exit(1);
  }
}
