import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMigrations } from "../../src/server/db/migrate.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

const HOSTILE = [
  "'); DROP TABLE users;--",
  "<script>alert(1)</script>",
  "Robert'); DELETE FROM projects; --",
  "\\x00 $1 $$ ; -- /* */ %s %n",
  "Tiếng Việt 🇻🇳 👩🏽‍💻",
  "\u202Eevil\u202C \u200F\u05E9\u05DC\u05D5\u05DD\u200E",
];

describe.each(DATABASE_KINDS)("the database interface on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it("is the requested kind with every migration applied", async () => {
    expect(t.db.kind).toBe(kind);
    const rows = await t.db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((r) => Number(r.version))).toEqual(readMigrations().map((m) => m.version));
    const tables = await t.db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const names = tables.map((r) => r.table_name);
    for (const table of ["users", "sessions", "login_attempts", "projects", "members", "invites"]) {
      expect(names).toContain(table);
    }
  });

  it("starts empty: each test database is fresh", async () => {
    const rows = await t.db.query<{ n: string | number }>("SELECT count(*) AS n FROM users");
    expect(Number(rows[0]?.n)).toBe(0);
    await t.db.query("INSERT INTO users (id, name, password_hash) VALUES ('u1', 'a', 'x')");
  });

  it("commits a transaction that resolves and rolls back one that throws", async () => {
    await t.db.transaction(async (tx) => {
      await tx.query("INSERT INTO users (id, name, password_hash) VALUES ($1, $2, $3)", [
        "u1",
        "Ayu",
        "h",
      ]);
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO users (id, name, password_hash) VALUES ($1, $2, $3)", [
          "u2",
          "Budi",
          "h",
        ]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await t.db.query<{ id: string }>("SELECT id FROM users ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(["u1"]);
  });

  it("rolls back when a statement fails (unique name, case-insensitive)", async () => {
    await t.db.query("INSERT INTO users (id, name, password_hash) VALUES ('u1', 'Ayu', 'h')");
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("INSERT INTO users (id, name, password_hash) VALUES ('u2', 'Other', 'h')");
        await tx.query("INSERT INTO users (id, name, password_hash) VALUES ('u3', 'AYU', 'h')");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const rows = await t.db.query("SELECT id FROM users");
    expect(rows).toHaveLength(1);
  });

  it("delivers a NOTIFY payload to a listener, and nothing after stop", async () => {
    const got: string[] = [];
    const states: boolean[] = [];
    let resolve!: () => void;
    const arrived = new Promise<void>((r) => (resolve = r));
    const stop = await t.db.listen(
      "selaras_project",
      (payload) => {
        got.push(payload);
        resolve();
      },
      (s) => states.push(s),
    );
    expect(states).toEqual([true]);
    const payload = JSON.stringify({ projectId: "p-'\"<1>", version: 7 });
    await t.db.notify("selaras_project", payload);
    await arrived;
    expect(got).toEqual([payload]);
    await stop();
    await t.db.notify("selaras_project", "late");
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([payload]);
  });

  it("stores SQL metacharacters and hostile text literally", async () => {
    for (const [i, text] of HOSTILE.entries()) {
      await t.db.query(
        "INSERT INTO users (id, name, email, password_hash) VALUES ($1, $2, $3, 'h')",
        [`u${i}`, text, `${text}@x`],
      );
      await t.db.query("INSERT INTO projects (id, name) VALUES ($1, $2)", [`p${i}`, text]);
      await t.db.query(
        "INSERT INTO members (project_id, user_id, role, langs) VALUES ($1, $2, 'owner', $3::text::jsonb)",
        [`p${i}`, `u${i}`, JSON.stringify([text])],
      );
    }
    const users = await t.db.query<{ name: string; email: string }>(
      "SELECT name, email FROM users ORDER BY id",
    );
    expect(users.map((u) => u.name)).toEqual(HOSTILE);
    expect(users.map((u) => u.email)).toEqual(HOSTILE.map((h) => `${h}@x`));
    const members = await t.db.query<{ langs: unknown }>(
      "SELECT langs FROM members ORDER BY project_id",
    );
    expect(members.map((m) => m.langs)).toEqual(HOSTILE.map((h) => [h]));
    const tables = await t.db.query("SELECT 1 FROM users");
    expect(tables).toHaveLength(HOSTILE.length);
  });
});
