/**
 * Core and db never produce user sentences: they report a code with parameters, and the UI maps the
 * code to a localized message (`errors:<code>`).
 */
export type ErrorParams = Record<string, string | number>;

export interface ErrorInfo {
  code: string;
  params: ErrorParams;
}

export class AppError extends Error {
  readonly code: string;
  readonly params: ErrorParams;

  constructor(code: string, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "AppError";
    this.code = code;
    this.params = params;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, params: this.params };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
