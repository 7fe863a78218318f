import { z } from '../zod';

export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'damaged',
  'conflict',
  'forbidden',
  'unsupported',
  'too-large',
  'unavailable',
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const AppErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** A review rule's refusal, which the page words in the interface language. */
  refusal: z.object({ code: z.string(), params: z.record(z.string(), z.string()) }).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** An expected failure with a code the interface can put into plain words. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly refusal?: { code: string; params: Record<string, string> },
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENOENT: 'a file or folder is missing',
  EBUSY: 'a file is in use by another program',
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) {
    return error.refusal ? { code: error.code, message: error.message, refusal: error.refusal } : { code: error.code, message: error.message };
  }
  const errno = (error as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && errno in DISK_ERRORS) {
    const path = (error as { path?: unknown }).path;
    return { code: 'io', message: `${DISK_ERRORS[errno]}${typeof path === 'string' ? ` (${path})` : ''}` };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
