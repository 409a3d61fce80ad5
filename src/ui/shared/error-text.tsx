import { useTranslation } from "react-i18next";
import type { ErrorInfo } from "../../core/model/app-error.ts";

/** The errors-namespace key of a code: "tmx.not-well-formed" → "tmx_not-well-formed". */
export function errorKey(code: string): string {
  return code.replace(/\./g, "_");
}

/** Turns a core/db error code into a localized sentence (errors namespace), with a generic fallback. */
export function useErrorMessage(): (error: ErrorInfo) => string {
  const { t, i18n } = useTranslation("errors");
  return (error) => {
    const key = errorKey(error.code);
    const tt = t as unknown as (key: string, options?: Record<string, unknown>) => string;
    if (i18n.exists(`errors:${key}`)) return tt(key, { ...error.params });
    // XML readers share one set of messages: "xliff.truncated" falls back to "xml_truncated".
    const generic = `xml_${error.code.slice(error.code.indexOf(".") + 1)}`;
    if (i18n.exists(`errors:${generic}`)) return tt(generic, { ...error.params });
    return tt("unknown", { code: error.code, detail: JSON.stringify(error.params) });
  };
}

export function ErrorText({ error }: { error: ErrorInfo }) {
  const message = useErrorMessage();
  return <span data-error-code={error.code}>{message(error)}</span>;
}

/** A form's error line: the localized message in an alert, or nothing. */
export function FormError({ error }: { error: ErrorInfo | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      <ErrorText error={error} />
    </p>
  );
}
