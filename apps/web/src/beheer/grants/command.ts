import { useState } from 'react';
import { problemFrom } from '../../common/api';
import type { FieldError } from '../../common/forms';

/**
 * A form that sends one command: client-side checks first (their errors go to the error summary),
 * then the call; a refusal by the api becomes one error in the summary, linked to `problemField`.
 */
export function useCommand(problemText: (problem: ReturnType<typeof problemFrom>) => string) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [problemCode, setProblemCode] = useState<string | null>(null);
  return {
    errors,
    sending,
    problemCode,
    error: (field: string) => errors.find((e) => e.field === field)?.message,
    /** Runs `check` (what is wrong, empty when nothing), then `send`; answers whether it went through. */
    async run(check: FieldError[], problemField: string, send: () => Promise<unknown>): Promise<boolean> {
      setErrors(check);
      setProblemCode(null);
      if (check.length > 0) return false;
      setSending(true);
      try {
        await send();
        return true;
      } catch (failure) {
        const problem = problemFrom(failure);
        setProblemCode(problem.code);
        setErrors([{ field: problemField, message: problemText(problem) }]);
        return false;
      } finally {
        setSending(false);
      }
    },
  };
}
