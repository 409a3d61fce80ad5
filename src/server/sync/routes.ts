/**
 * The sync API (src/core/sync/protocol.ts): POST /api/sync/push and POST /api/sync/pull, for
 * signed-in members of the project only (CSRF token required; a non-member gets 404
 * project.not_found, the same answer as a project that does not exist). Bodies are validated by
 * the core's parsers; a malformed one answers 400 sync.bad_request {path}.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../../core/model/app-error.ts";
import { parsePullRequest, parsePushRequest } from "../../core/sync/validate.ts";
import type { Database } from "../db/database.ts";
import type { Authenticate } from "../http/auth.ts";
import { ApiError } from "../http/errors.ts";
import { pullChanges } from "./pull.ts";
import { pushMutations } from "./push.ts";

/** A shared 10,000-segment document goes up in chunks of at most this much. */
export const PUSH_BODY_LIMIT = 64 * 1024 * 1024;

function parsed<T>(parse: (json: unknown) => T, body: unknown): T {
  try {
    return parse(body);
  } catch (error) {
    if (error instanceof AppError) throw new ApiError(400, error.code, error.params);
    throw error;
  }
}

export function registerSyncRoutes(
  app: FastifyInstance,
  options: { db: Database; authenticate: Authenticate },
): void {
  const { db, authenticate } = options;

  app.post("/api/sync/push", { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const user = await authenticate(request, { csrf: true });
    const push = parsed(parsePushRequest, request.body);
    return pushMutations(db, { userId: user.userId, request: push });
  });

  app.post("/api/sync/pull", async (request) => {
    const user = await authenticate(request, { csrf: true });
    const pull = parsed(parsePullRequest, request.body);
    return pullChanges(db, { userId: user.userId, request: pull });
  });
}
