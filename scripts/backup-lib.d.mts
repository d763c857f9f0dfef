export type Checksums = Record<string, { rows: number; md5: string }>;
export function pgTool(name: string): string;
export function tableChecksums(query: (text: string) => Promise<Record<string, unknown>[]>): Promise<Checksums>;
export function postgresChecksums(url: string): Promise<Checksums>;
export function pgliteChecksums(pglite: { query(text: string): Promise<{ rows: unknown[] }> }): Promise<Checksums>;
export function treeStats(dir: string): { count: number; bytes: number };
export function redactUrl(url: string): string;
export function runPgTool(name: string, args: string[]): void;
export function parseArgs(argv: string[]): { force: boolean; out?: string; from?: string; help?: boolean };
