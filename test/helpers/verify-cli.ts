/** The command line's `verify` over a workspace folder (with a desk's data folder, what that desk had seen too), as a person would run it. */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './paths';

export function verifyWorkspace(workspaceDir: string, dataDir?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const args = ['run', '--silent', 'cli', '--', 'verify', '--workspace', workspaceDir, ...(dataDir ? ['--data', dataDir] : [])];
    const child = spawn('npm', args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
