import { AppFailure } from '../../shared/contract/errors';
import type { Refusal, RefusalCode } from '../../shared/review/refusal';
import { refusalMessage } from '../../shared/review/refusal-messages';

/** A rule said no: the page words the refusal in the interface language; the message is for logs and the command line. */
export function refused(reason: Refusal): AppFailure {
  return new AppFailure('forbidden', refusalMessage(reason, 'en'), reason);
}

export function refusedWith(code: RefusalCode, params: Record<string, string> = {}): AppFailure {
  return refused({ code, params });
}
