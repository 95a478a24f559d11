// Owns saving interview answers: shortly after the officer stops changing them, one save at a time and in order,
// and at once when a decision (or leaving the case, or locking) needs every answer stored first.
import { useEffect, useRef } from 'react';
import type { Answers } from '../../../../shared/checklist';
import type { CallError, CallResult, CaseDetail } from '../../../../shared/contract';
import { call } from '../../lib/client';

/** Long enough that a click-click on two options makes one save, short enough that the risk follows the interview. */
const SAVE_DELAY_MS = 400;

export interface AnswerSaver {
  /** Remembers the whole answer set; saved after a short pause. */
  queue(answers: Answers): void;
  /**
   * Saves whatever is queued now and waits for every save already sent. Resolves with the case as stored after
   * the last of them, or null when nothing was pending; a failed save resolves with its error.
   */
  flush(): Promise<CallResult<CaseDetail> | null>;
}

export function useAnswerSaver(caseId: string, onSaved: (detail: CaseDetail) => void, onError: (error: CallError) => void): AnswerSaver {
  const callbacks = useRef({ onSaved, onError });
  callbacks.current = { onSaved, onError };
  const state = useRef<{ pending: Answers | null; timer?: ReturnType<typeof setTimeout>; chain: Promise<CallResult<CaseDetail> | null>; inFlight: number }>({
    pending: null,
    chain: Promise.resolve(null),
    inFlight: 0,
  });

  const saver = useRef<AnswerSaver | null>(null);
  saver.current ??= {
    queue(answers) {
      const s = state.current;
      s.pending = answers;
      clearTimeout(s.timer);
      s.timer = setTimeout(() => void saver.current!.flush(), SAVE_DELAY_MS);
    },
    flush() {
      const s = state.current;
      clearTimeout(s.timer);
      const answers = s.pending;
      s.pending = null;
      if (answers === null) return s.inFlight > 0 ? s.chain : Promise.resolve(null);
      s.inFlight++;
      // Chained, so saves reach the core in the order the officer gave the answers.
      s.chain = s.chain.then(async () => {
        const result = await call('cases.recordAnswers', { caseId, answers });
        s.inFlight--;
        if (result.ok) callbacks.current.onSaved(result.value);
        else callbacks.current.onError(result.error);
        return result;
      });
      return s.chain;
    },
  };

  // Leaving the case (next traveller, back, lock) must not drop the last answer.
  useEffect(() => () => void saver.current?.flush(), []);
  return saver.current;
}
