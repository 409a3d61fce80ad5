import type { Severity } from "../../core/qa/types.ts";

/**
 * The icon of a QA severity, distinct in shape as well as colour: an octagon with a bar (error), a
 * triangle with a bar (warning), a circle with an "i" (note). Hidden from assistive technology: the
 * control around it carries the name.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
      className={`qa-icon qa-icon-${severity}`}
    >
      {severity === "error" && (
        <>
          <path d="M5.2 1.5h5.6l3.7 3.7v5.6l-3.7 3.7H5.2l-3.7-3.7V5.2z" fill="currentColor" />
          <path d="M8 4.5v4.2" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="11.3" r="1" fill="#fff" />
        </>
      )}
      {severity === "warning" && (
        <>
          <path d="M8 1.3 15 14H1z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 5.6v4" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" />
          <circle cx="8" cy="11.9" r="0.95" fill="#fff" />
        </>
      )}
      {severity === "info" && (
        <>
          <circle cx="8" cy="8" r="6.6" fill="currentColor" />
          <circle cx="8" cy="4.9" r="1" fill="#fff" />
          <path d="M8 7.3v4.4" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
