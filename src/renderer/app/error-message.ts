import type { TFunction } from 'i18next';
import { AppFailure, type AppError } from '../../shared/contract/errors';
import { CallFailed } from '../bridge/use-call';

export function toAppErrorValue(error: unknown): AppError {
  if (error instanceof CallFailed) return error.error;
  if (error instanceof AppFailure) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** An error in plain words, in the interface language. */
export function describeError(t: TFunction, error: unknown): string {
  const value = toAppErrorValue(error);
  return t(`errors.${value.code}`, { message: value.message });
}
