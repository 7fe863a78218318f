import type { AppError, Result } from '../../shared/contract/errors';

export class CallFailed extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** Unwraps a bridge result, throwing its typed error. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}
