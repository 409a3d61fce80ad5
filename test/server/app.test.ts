import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, serverVersion } from "../../src/server/app.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

describe.each(DATABASE_KINDS)("the Selaras server on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    dist = mkdtempSync(join(tmpdir(), "selaras-app-test-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Selaras</title>");
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    app = await buildServer({ db: t.db, distDir: dist });
  });

  afterAll(async () => {
    await app.close();
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("answers /api/health with its database and version", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: kind, version: serverVersion() });
    expect(serverVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("sends the security headers on API and app responses", async () => {
    for (const url of ["/api/health", "/", "/assets/index-abc123.js"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["x-frame-options"]).toBe("DENY");
      expect(response.headers["referrer-policy"]).toBe("no-referrer");
    }
  });

  it("serves the built app, hashed assets for a year, index.html never cached", async () => {
    const index = await app.inject({ method: "GET", url: "/" });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain("<title>Selaras</title>");
    expect(index.headers["cache-control"]).toBe("no-cache");
    const asset = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
  });

  it("answers the app's own routes with index.html, unknown API paths with a JSON 404", async () => {
    const route = await app.inject({ method: "GET", url: "/?invite=abc" });
    expect(route.statusCode).toBe(200);
    const deep = await app.inject({ method: "GET", url: "/documents/some-id" });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain("<title>Selaras</title>");
    const api = await app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({
      error: { code: "api.not_found", params: { path: "/api/nothing-here" } },
    });
    // A missing file is a 404, never index.html served as a script (a stale service worker).
    for (const url of ["/sw.js", "/assets/index-old999.js", "/registerSW.js"]) {
      const missing = await app.inject({ method: "GET", url });
      expect(missing.statusCode).toBe(404);
      expect(missing.body).not.toContain("<title>Selaras</title>");
    }
    const post = await app.inject({ method: "POST", url: "/documents/x", payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe("api.not_found");
  });
});
