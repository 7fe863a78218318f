import i18next, { type TFunction } from 'i18next';
import { AppFailure, type AppError } from '../../shared/contract/errors';
import type { Refusal } from '../../shared/review/refusal';
import { refusalMessage } from '../../shared/review/refusal-messages';
import { CallFailed } from '../bridge/use-call';

export function toAppErrorValue(error: unknown): AppError {
  if (error instanceof CallFailed) return error.error;
  if (error instanceof AppFailure) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function interfaceLanguage(): 'zh-CN' | 'en' {
  return i18next.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** A review rule's refusal, in the interface language. */
export function describeRefusal(refusal: { code: string; params: Record<string, string> }): string {
  return refusalMessage(refusal as Refusal, interfaceLanguage());
}

/** An error in plain words, in the interface language. */
export function describeError(t: TFunction, error: unknown): string {
  const value = toAppErrorValue(error);
  if (value.refusal) return describeRefusal(value.refusal);
  return t(`errors.${value.code}`, { message: value.message });
}
