/**
 * The Selaras server as a Fastify instance (no listen): the built app from dist/ and its API under
 * /api. Stateless: everything it keeps lives in the database, so several processes can serve one
 * PostgreSQL. Errors are `{error: {code, params}}` (the app maps the code to a localized message).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import type { Database } from "./db/database.ts";
import { registerSecurityHeaders } from "./http/security.ts";
import { createAuthenticate, registerAuthRoutes, type Authenticate } from "./http/auth.ts";
import { isApiError } from "./http/errors.ts";
import { registerInviteRoutes } from "./http/invites.ts";
import { registerProjectRoutes } from "./http/projects.ts";
import { registerSyncRoutes } from "./sync/routes.ts";
import { registerLiveRoutes } from "./sync/live.ts";

export interface ServerOptions {
  db: Database;
  /** The built app (index.html and assets/); undefined or missing: the API only. */
  distDir?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  /** Trust X-Forwarded-* (behind a TLS reverse proxy). */
  trustProxy?: boolean;
}

/** The version of package.json, as /api/health reports it. */
export function serverVersion(): string {
  const packageJson = resolve(import.meta.dirname, "../../package.json");
  const parsed = JSON.parse(readFileSync(packageJson, "utf8")) as { version?: unknown };
  return typeof parsed.version === "string" ? parsed.version : "0.0.0";
}

function apiError(code: string, params: Record<string, string | number> = {}) {
  return { error: { code, params } };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  const version = serverVersion();
  registerSecurityHeaders(app);

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (isApiError(error)) {
      return reply.status(error.statusCode).send(apiError(error.code, error.params));
    }
    const status =
      typeof error.statusCode === "number" && error.statusCode >= 400 ? error.statusCode : 500;
    if (error.validation) {
      const field = error.validation[0]?.instancePath.replace(/^\//, "") ?? "";
      return reply.status(400).send(apiError("request.invalid", { field }));
    }
    if (status === 413) return reply.status(413).send(apiError("request.too_large"));
    if (status >= 500) app.log.error({ err: error }, "request failed");
    return reply
      .status(status)
      .send(apiError(status >= 500 ? "server.error" : "request.invalid", {}));
  });

  app.get("/api/health", async () => ({ status: "ok", database: options.db.kind, version }));

  // Accounts and sessions; every other API route asks `authenticate` who is calling.
  const authenticate: Authenticate = createAuthenticate(options.db);
  registerAuthRoutes(app, { db: options.db });
  // Team routes (projects, invites, sync, live) register here with { db, authenticate }.
  registerProjectRoutes(app, { db: options.db, authenticate });
  registerInviteRoutes(app, { db: options.db, authenticate });
  registerSyncRoutes(app, { db: options.db, authenticate });
  await registerLiveRoutes(app, { db: options.db, authenticate });

  const distDir = options.distDir;
  const hasApp = distDir !== undefined && existsSync(join(distDir, "index.html"));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: resolve(distDir),
      wildcard: false,
      index: ["index.html"],
      setHeaders(res, path) {
        const immutable = /[\\/]assets[\\/]/.test(path);
        res.header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    // A missing file (a path ending in an extension: /sw.js, /assets/old-123.js) is a 404, never
    // index.html: a stale service worker or script must not get HTML as JavaScript.
    const missingFile = /\.[A-Za-z0-9]+$/.test(path);
    if (
      path === "/api" ||
      path.startsWith("/api/") ||
      !hasApp ||
      request.method !== "GET" ||
      missingFile
    ) {
      return reply.status(404).send(apiError("api.not_found", { path: path.slice(0, 200) }));
    }
    // The app's own routes (a bookmarked URL, an invite link): index.html.
    reply.header("Cache-Control", "no-cache");
    return reply.sendFile("index.html");
  });

  return app;
}
