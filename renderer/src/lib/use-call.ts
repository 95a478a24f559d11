// Owns the renderer's one shape for a screen's talk with the core: useCall loads what a screen shows (asked again
// when its input changes, a late answer to an older input dropped), useAction runs what the officer does (busy while
// it runs, its refusal kept for the screen's one error banner). Both keep the core's error and word it at render
// time, in the language the officer has now. Screens never write "set the value or set the error" by hand.
//
// Our own hook rather than TanStack Query: a desk has one officer on one screen and nothing to cache between
// screens, while reading a case is audited (`case.viewed`, `case.hub_history_read`), so the library's refetch on
// focus, on reconnect and on remount would write audit entries the officer never caused; and the core answers a
// CallResult and never throws, so the library's error path would need a wrapper of its own. These two hooks are
// all the screens need.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, CallResult, InputOf, OutputOf, ProcedureName } from '../../../shared/contract';
import { call } from './client';
import { useI18n } from './i18n';

export interface Loaded<T> {
  /** The latest answer for the current input; null while the first answer for it is awaited, or after a refusal. */
  value: T | null;
  /** The core's refusal of the latest ask, in the officer's language. */
  error: string | null;
  /** Asks again (after an action changed what is shown); resolves with the answer, or null when there is no input. */
  reload(): Promise<CallResult<T> | null>;
  /** Shows a value an action answered with (a case as it now stands) without asking again. */
  setValue(value: T): void;
}

export interface LoadOptions<T> {
  /** While the answer to a changed input is awaited, keep showing the last one (a list being filtered), not nothing. */
  keepPrevious?: boolean;
  /** Asks again every `every` ms while the answer says so (a check the core runs in the background, say). */
  askAgainWhile?: (value: T) => boolean;
  every?: number;
}

/**
 * Loads `name(input)` when the screen mounts and again whenever the input changes (compared by content, so an
 * object literal is fine). A null input asks nothing yet (it waits for what it depends on). An answer to an input
 * that has since changed is dropped, so a slow answer never overwrites a newer one.
 */
export function useCall<N extends ProcedureName>(name: N, input: InputOf<N> | null, options: LoadOptions<OutputOf<N>> = {}): Loaded<OutputOf<N>> {
  const { errorText } = useI18n();
  const key = input === null ? null : JSON.stringify(input);
  // Each value and each refusal remembers the input it answered, so neither is shown for another input.
  const [state, setState] = useState<{ valueKey: string | null; value: OutputOf<N> | null; failureKey: string | null; failure: CallError | null }>({
    valueKey: null,
    value: null,
    failureKey: null,
    failure: null,
  });
  const asked = useRef(0);

  const reload = useCallback(async (): Promise<CallResult<OutputOf<N>> | null> => {
    if (key === null) return null;
    const ticket = ++asked.current;
    const result = await call(name, JSON.parse(key) as InputOf<N>);
    if (ticket === asked.current) {
      setState((current) => (result.ok ? { valueKey: key, value: result.value, failureKey: null, failure: null } : { ...current, failureKey: key, failure: result.error }));
    }
    return result;
  }, [name, key]);

  useEffect(() => {
    void reload();
    // An input that changes, or a screen that closes, makes the answer still on its way a late one.
    return () => void ++asked.current;
  }, [reload]);

  const setValue = useCallback((value: OutputOf<N>) => setState((current) => ({ ...current, valueKey: key, value })), [key]);
  const value = state.valueKey === key || options.keepPrevious ? state.value : null;
  const failure = state.failureKey === key ? state.failure : null;

  // Each answer that still says "not yet" schedules one more ask; a refusal leaves the value as it was and stops.
  const askAgainWhile = useRef(options.askAgainWhile);
  askAgainWhile.current = options.askAgainWhile;
  const every = options.every ?? 2000;
  useEffect(() => {
    if (value === null || !askAgainWhile.current?.(value)) return;
    const timer = setTimeout(() => void reload(), every);
    return () => clearTimeout(timer);
  }, [value, reload, every]);

  return { value, error: failure && errorText(failure), reload, setValue };
}

export interface Action {
  /** Calls the core: the last refusal goes as the call starts, a new one becomes the screen's error. Resolves with the answer. */
  run<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<CallResult<OutputOf<N>>>;
  /** True while a call runs: the screen disables what would start it again. */
  busy: boolean;
  /** The latest refusal, in the officer's language. */
  error: string | null;
  /** Shows a refusal found without asking the core (or another call's), or clears it with null. */
  setError(error: CallError | null): void;
}

/** What the officer does on one screen: every call shares the screen's busy state and its one error banner. */
export function useAction(): Action {
  const { errorText } = useI18n();
  const [running, setRunning] = useState(0);
  const [failure, setFailure] = useState<CallError | null>(null);
  const run = useCallback(async <N extends ProcedureName>(name: N, input: InputOf<N>) => {
    setRunning((n) => n + 1);
    setFailure(null);
    const result = await call(name, input);
    setRunning((n) => n - 1);
    setFailure(result.ok ? null : result.error);
    return result;
  }, []);
  return { run, busy: running > 0, error: failure && errorText(failure), setError: setFailure };
}
