/**
 * The server's typed API error: a route or hook throws `new ApiError(status, code, params)` and the
 * app's error handler (app.ts) answers `status` with `{"error": {"code", "params"}}`. Codes are
 * dotted (`auth.required`); the app shows `errors:<code with dots as underscores>`.
 */
export type ApiErrorParams = Record<string, string | number>;

export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly params: ApiErrorParams;

  constructor(statusCode: number, code: string, params: ApiErrorParams = {}) {
    super(code);
    this.name = "ApiError";
    this.statusCode = statusCode;
    this.code = code;
    this.params = params;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The JSON body of an error answer. */
export function apiErrorBody(code: string, params: ApiErrorParams = {}) {
  return { error: { code, params } };
}
