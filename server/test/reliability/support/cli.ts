import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../../setup/constants.js';

export interface CliResult {
  code: number;
  out: string;
}

/**
 * Runs an operator command (a script under tsx, or `npm run …`) with the
 * given settings in the environment, as an operator would.
 */
export function runCli(argv: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<CliResult> {
  const full: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  const [cmd, args] = argv[0] === 'npm' ? ['npm', argv.slice(1)] : [process.execPath, ['--import', 'tsx', ...argv]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${argv.join(' ')} timed out:\n${out}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}
