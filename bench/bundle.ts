import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './server.js';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface BundleReport {
  chunks: { file: string; bytes: number; gzip: number }[];
  totalJsGzip: number;
  /** per page route: JS the browser loads to show it (entry + layout + page, with their static imports) */
  routes: { page: string; js: number; gzip: number; files: number }[];
  loginInitialJsGzip: number;
}

const DIST = path.join(ROOT, 'web', 'dist');
// Pages that render outside the admin layout (see web/src/app/lazyPages.ts).
const standalonePages = new Set(['login', 'change-password', 'status']);
const LAYOUT = 'src/app/layout/AdminLayout.tsx';

/** Gzip sizes of every chunk in web/dist (built first when missing) and the JS each page route needs. */
export function measureBundle(log: (m: string) => void): BundleReport {
  const manifestPath = path.join(DIST, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    log('web/dist missing: npm run build:web');
    const res = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (res.status !== 0) throw new Error('npm run build:web failed');
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const sizes = new Map<string, { bytes: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = fs.readFileSync(path.join(DIST, file));
      s = { bytes: buf.length, gzip: zlib.gzipSync(buf).length };
      sizes.set(file, s);
    }
    return s;
  };
  for (const f of fs.readdirSync(path.join(DIST, 'assets'))) if (/\.(js|css)$/.test(f)) sizeOf(`assets/${f}`);
  const closure = (key: string, into = new Set<string>()) => {
    const c = manifest[key];
    if (!c || into.has(c.file)) return into;
    into.add(c.file);
    for (const i of c.imports ?? []) closure(i, into);
    return into;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const routeFiles = (page: string) => {
    const files = closure(entryKey);
    if (!standalonePages.has(page) && manifest[LAYOUT]) closure(LAYOUT, files);
    return closure(`src/pages/${page}/index.tsx`, files);
  };
  const total = (files: Set<string>) => [...files].reduce((a, f) => ({ js: a.js + sizeOf(f).bytes, gzip: a.gzip + sizeOf(f).gzip }), { js: 0, gzip: 0 });
  const routes = Object.keys(manifest)
    .map((k) => /^src\/pages\/([^/]+)\/index\.tsx$/.exec(k)?.[1])
    .filter((p): p is string => !!p)
    .sort()
    .map((page) => {
      const files = routeFiles(page);
      return { page, ...total(files), files: files.size };
    });
  const chunks = [...sizes].map(([file, s]) => ({ file, ...s })).sort((a, b) => b.gzip - a.gzip);
  return {
    chunks,
    totalJsGzip: chunks.filter((c) => c.file.endsWith('.js')).reduce((a, c) => a + c.gzip, 0),
    routes,
    loginInitialJsGzip: routes.find((r) => r.page === 'login')?.gzip ?? total(closure(entryKey)).gzip,
  };
}
