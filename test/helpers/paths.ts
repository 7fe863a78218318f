import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLE_DIR = join(PROJECT_ROOT, 'resources', 'sample');
export const SAMPLE_PNG = join(SAMPLE_DIR, 'figure-2.png');

export function readSamplePng(): Promise<Buffer> {
  return readFile(SAMPLE_PNG);
}
