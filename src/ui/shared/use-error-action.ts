import { useCallback, useState } from "react";
import type { ErrorInfo } from "../../core/model/app-error.ts";
import { toErrorInfo } from "../../db/autosave.ts";

/**
 * The error line of a form or page: `run(task)` clears it, runs the task and keeps its error as a
 * localizable ErrorInfo (`toInfo`, by default toErrorInfo: an import passes importErrorInfo); it
 * resolves true when the task succeeded.
 */
export function useErrorAction() {
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = useCallback(
    async (
      task: () => Promise<unknown>,
      toInfo: (error: unknown) => ErrorInfo = toErrorInfo,
    ): Promise<boolean> => {
      setError(null);
      try {
        await task();
        return true;
      } catch (err) {
        setError(toInfo(err));
        return false;
      }
    },
    [],
  );
  return { error, setError, run };
}
