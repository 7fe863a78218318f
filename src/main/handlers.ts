import { API, type ApiName, type ApiOutput, type ApiParsedInput } from '../shared/contract/api';
import { toAppError, type Result } from '../shared/contract/errors';
import { annotationHandlers } from './handlers/annotations';
import { articleHandlers } from './handlers/articles';
import { checkHandlers } from './handlers/checks';
import { deskHandlers } from './handlers/desk';
import { exportHandlers } from './handlers/export';
import { importHandlers } from './handlers/import';
import { historyHandlers } from './handlers/history';
import { leaseHandlers } from './handlers/leases';
import { libraryHandlers } from './handlers/library';
import { liveHandlers } from './handlers/live';
import type { Caller, HandlerContext } from './handlers/context';
import { peopleHandlers } from './handlers/people';
import { reviewHandlers } from './handlers/review';
import { idleLock } from './handlers/idle-lock';

export type { Caller, HandlerContext } from './handlers/context';

type Handler<N extends ApiName> = (input: ApiParsedInput<N>, caller: Caller) => Promise<ApiOutput<N>>;
export type HandlerTable = { [N in ApiName]: Handler<N> };

/** Every call the page can make, as plain functions over the services. */
export function createHandlers(ctx: HandlerContext): HandlerTable {
  const table = {
    ...articleHandlers(ctx),
    ...deskHandlers(ctx),
    ...peopleHandlers(ctx),
    ...reviewHandlers(ctx),
    ...annotationHandlers(ctx),
    ...historyHandlers(ctx),
    ...checkHandlers(ctx),
    ...exportHandlers(ctx),
    ...importHandlers(ctx),
    ...liveHandlers(ctx),
    ...leaseHandlers(ctx),
    ...libraryHandlers(ctx),
  } satisfies HandlerTable;
  return idleLock(ctx, table);
}

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/**
 * The one way into the handlers, for IPC and the preview's HTTP bridge alike: validates the
 * input against the contract and turns every failure into a typed error value. `caller` is the
 * window the call came from, as the transport knows it (never from the input).
 */
export async function dispatch(table: HandlerTable, name: string, rawInput: unknown, caller: Caller): Promise<Result<unknown>> {
  if (!isApiName(name)) return { ok: false, error: { code: 'invalid-input', message: `unknown call "${name}"` } };
  const parsed = API[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: { code: 'invalid-input', message: `${where}${issue?.message ?? 'invalid input'}` } };
  }
  try {
    const handler = table[name] as (input: unknown, caller: Caller) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, caller) };
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
