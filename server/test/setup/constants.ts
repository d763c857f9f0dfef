import path from 'node:path';

export const DEMO_PASSWORD = 'Santong@2026';
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const TMP_DIR = path.join(REPO_ROOT, '.tmp');

export type TemplateKind = 'demo' | 'empty';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Gzipped PGlite data dirs, by template. */
    pgliteTemplates: Record<TemplateKind, string>;
    /** PostgreSQL: null when not available (tests are skipped). */
    pg: { adminUrl: string; templates: Record<TemplateKind, string>; source: 'TEST_DATABASE_URL' | 'throwaway cluster' } | null;
  }
}
