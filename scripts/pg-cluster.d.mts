export interface Cluster {
  url: string;
  dir: string;
  port: number;
  bin: string;
}
export function findPgBin(): string | null;
export function freePort(): Promise<number>;
export function startCluster(opts?: { bin?: string | null; port?: number }): Promise<Cluster>;
export function stopCluster(dir: string, bin?: string | null): void;
