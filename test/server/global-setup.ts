/**
 * Vitest globalSetup of the "server" project: one throwaway PostgreSQL 15 cluster for the whole
 * run (lib/pg-cluster.ts: initdb + pg_ctl as the `postgres` user through runuser, on a Unix socket
 * in a temporary folder), stopped and deleted at teardown. Tests get the socket folder through
 * `inject("pgSocketDir")`; each test database is created by `openTestDatabase("postgresql")`
 * (lib/databases.ts). Missing PostgreSQL binaries fail the run with a clear message (never a skip).
 */
import type { TestProject } from "vitest/node";
import { startPgCluster } from "./lib/pg-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgSocketDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const cluster = startPgCluster();
  project.provide("pgSocketDir", cluster.socketDir);
  return () => cluster.stop();
}
