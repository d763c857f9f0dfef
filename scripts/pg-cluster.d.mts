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
export function startStandby(primary: Cluster, opts?: { synchronous?: boolean }): Promise<Cluster>;
export function pgCtl(dir: string, args: string[], bin?: string | null): string;
