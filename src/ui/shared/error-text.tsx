import { useTranslation } from "react-i18next";
import type { ErrorInfo } from "../../core/model/app-error.ts";

/** Turns a core/db error code into a localized sentence (errors namespace), with a generic fallback. */
export function useErrorMessage(): (error: ErrorInfo) => string {
  const { t, i18n } = useTranslation("errors");
  return (error) => {
    const key = error.code.replace(/\./g, "_");
    const tt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
    if (i18n.exists(`errors:${key}`)) return tt(key, { ...error.params });
    return tt("unknown", { code: error.code, detail: JSON.stringify(error.params) });
  };
}

export function ErrorText({ error }: { error: ErrorInfo }) {
  const message = useErrorMessage();
  return <span data-error-code={error.code}>{message(error)}</span>;
}
