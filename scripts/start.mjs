// `npm start`: the desktop app where the Electron binary is installed, a clear word where it is not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    'The Electron binary is not installed (it could not be downloaded here); run `npm run preview:web` to use the app in a browser.',
  );
  process.exit(1);
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync('npx', ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 0);
