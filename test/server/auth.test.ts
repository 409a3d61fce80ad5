import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { ApiClient, errorOf, sessionOf, setCookieOf } from "./lib/accounts.ts";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "./lib/databases.ts";

const PASSWORD = "correct horse battery";

describe.each(DATABASE_KINDS)("accounts and sessions on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: ApiClient;
  const passwordsUsed = new Set<string>([PASSWORD]);

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    app = await buildServer({ db: t.db });
    api = new ApiClient(app);
  });

  afterAll(async () => {
    // No answer of any test in this file ever contained a password (in clear).
    for (const body of api.bodies) {
      for (const password of passwordsUsed) expect(body).not.toContain(password);
    }
    await app.close();
    await t.close();
  });

  it("signs up (the first account is the admin, later ones are not), then me and sign-out", async () => {
    const first = await api.signup({
      name: "  Admin Ana  ",
      email: "Ana@Example.ORG",
      password: PASSWORD,
    });
    expect(first.statusCode).toBe(201);
    const ana = sessionOf(first);
    expect(ana.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Admin Ana",
      email: "ana@example.org",
      admin: true,
    });
    expect(ana.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const second = await api.newAccount("Budi");
    expect(second.user.admin).toBe(false);
    expect(second.user.email).toBeNull();

    const me = await api.as(ana, "GET", "/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: ana.user, csrfToken: ana.csrf });
    expect(me.headers["cache-control"]).toBe("no-store");

    const out = await api.as(ana, "POST", "/api/auth/signout");
    expect(out.statusCode).toBe(204);
    expect(setCookieOf(out)).toMatch(/^selaras_session=; Max-Age=0;/);
    const after = await api.as(ana, "GET", "/api/auth/me");
    expect(after.statusCode).toBe(401);
    expect(errorOf(after)).toEqual({ code: "auth.required", params: {} });
    // The session row is gone, not only the cookie.
    const rows = await t.db.query("SELECT 1 FROM sessions WHERE user_id = $1", [ana.user.id]);
    expect(rows).toHaveLength(0);
    // Budi's session is untouched.
    expect((await api.as(second, "GET", "/api/auth/me")).statusCode).toBe(200);
  });

  it("makes exactly one admin when two first accounts sign up at the same time", async () => {
    const fresh = await openTestDatabase(kind);
    const freshApp = await buildServer({ db: fresh.db });
    try {
      const client = new ApiClient(freshApp);
      const answers = await Promise.all(
        ["Dewi", "Eko", "Fajar"].map((name) => client.signup({ name, password: PASSWORD })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
      const admins = answers.filter((a) => sessionOf(a).user.admin);
      expect(admins).toHaveLength(1);
      const rows = await fresh.db.query<{ n: string | number }>(
        "SELECT count(*) AS n FROM users WHERE admin",
      );
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      await freshApp.close();
      await fresh.close();
    }
  });

  it("signs in by name or e-mail, case-insensitively, with a new session each time", async () => {
    const gita = await api.newAccount("Gita Sari", PASSWORD, "gita@example.org");
    for (const login of [
      "Gita Sari",
      "gita sari",
      "GITA SARI",
      " gita sari ",
      "GITA@example.ORG",
    ]) {
      const response = await api.signin({ login, password: PASSWORD });
      expect(response.statusCode, login).toBe(200);
      const session = sessionOf(response);
      expect(session.user).toEqual(gita.user);
      expect(session.cookie).not.toBe(gita.cookie);
      expect((await api.as(session, "GET", "/api/auth/me")).json().user.id).toBe(gita.user.id);
    }
  });

  it("signs in a Vietnamese name as typed", async () => {
    const duc = await api.newAccount("Đặng Đức Ánh", PASSWORD, "Đức@Example.org");
    const response = await api.signin({ login: "Đặng Đức Ánh", password: PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(sessionOf(response).user.id).toBe(duc.user.id);
    // NFC: the same name typed decomposed (e.g. by a macOS keyboard) is the same account.
    const decomposed = await api.signin({
      login: "Đặng Đức Ánh".normalize("NFD"),
      password: PASSWORD,
    });
    expect(decomposed.statusCode).toBe(200);
    // The e-mail, typed as at sign-up or as stored (lowercased), finds the account too.
    for (const login of ["Đức@Example.org", "đức@example.org"]) {
      const byEmail = await api.signin({ login, password: PASSWORD });
      expect(byEmail.statusCode, login).toBe(200);
    }
  });

  it("replaces the session a browser still sends when it signs in again", async () => {
    const hana = await api.newAccount("Hana");
    const again = await api.signin(
      { login: "hana", password: PASSWORD },
      {
        headers: { cookie: hana.cookie },
      },
    );
    expect(again.statusCode).toBe(200);
    expect((await api.as(hana, "GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await api.as(sessionOf(again), "GET", "/api/auth/me")).statusCode).toBe(200);
  });

  it("refuses a taken name or e-mail case-insensitively with 409", async () => {
    await api.newAccount("Indra", PASSWORD, "indra@example.org");
    const name = await api.signup({ name: "INDRA", password: PASSWORD });
    expect(name.statusCode).toBe(409);
    expect(errorOf(name).code).toBe("auth.name_taken");
    const spaced = await api.signup({ name: " indra ", password: PASSWORD });
    expect(errorOf(spaced).code).toBe("auth.name_taken");
    const email = await api.signup({
      name: "Indra 2",
      email: "INDRA@Example.org",
      password: PASSWORD,
    });
    expect(email.statusCode).toBe(409);
    expect(errorOf(email).code).toBe("auth.email_taken");
    const rows = await t.db.query("SELECT 1 FROM users WHERE lower(name) LIKE 'indra%'");
    expect(rows).toHaveLength(1);
  });

  it("refuses a short or overlong password with 400 auth.bad_password {min: 8}", async () => {
    for (const password of ["", "short", "1234567", "x".repeat(1025)]) {
      const response = await api.signup({ name: `Joko ${password.length}`, password });
      expect(response.statusCode, String(password.length)).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: "auth.bad_password", params: { min: 8 } });
    }
    // Eight characters are enough, counted as characters (not UTF-16 units or bytes).
    expect((await api.signup({ name: "Joko", password: "12345678" })).statusCode).toBe(201);
    expect((await api.signup({ name: "Joko viet", password: "ăâêôơưđ" })).statusCode).toBe(400);
    expect((await api.signup({ name: "Joko emoji", password: "👩🏽‍💻👩🏽‍💻" })).statusCode).toBe(201);
    const rows = await t.db.query(
      "SELECT 1 FROM users WHERE name LIKE 'Joko %' AND name <> 'Joko emoji'",
    );
    expect(rows).toHaveLength(0);
  });

  it("refuses a malformed body with 400 request.invalid {field}", async () => {
    const noName = await api.signup({ password: PASSWORD });
    expect(noName.statusCode).toBe(400);
    expect(errorOf(noName)).toEqual({ code: "request.invalid", params: { field: "" } });
    const blank = await api.signup({ name: "   ", password: PASSWORD });
    expect(errorOf(blank)).toEqual({ code: "request.invalid", params: { field: "name" } });
    const long = await api.signup({ name: "n".repeat(101), password: PASSWORD });
    expect(errorOf(long)).toEqual({ code: "request.invalid", params: { field: "name" } });
    const badEmail = await api.signup({ name: "Kiki", email: "not an e-mail", password: PASSWORD });
    expect(errorOf(badEmail)).toEqual({ code: "request.invalid", params: { field: "email" } });
    const noLogin = await api.signin({ password: PASSWORD });
    expect(noLogin.statusCode).toBe(400);
  });

  it("answers a wrong password 401, and 429 after 5 failures for one login", async () => {
    await api.newAccount("Lestari");
    const ip = api.nextIp();
    for (let i = 0; i < 5; i += 1) {
      const wrong = await api.signin(
        { login: "lestari", password: `wrong password ${i}` },
        {
          remoteAddress: ip,
        },
      );
      expect(wrong.statusCode).toBe(401);
      expect(errorOf(wrong)).toEqual({ code: "auth.bad_credentials", params: {} });
    }
    // Even the right password is refused now, from this IP or another, by any spelling of the login.
    for (const [login, remoteAddress] of [
      ["lestari", ip],
      ["LESTARI", api.nextIp()],
    ] as const) {
      const blocked = await api.signin({ login, password: PASSWORD }, { remoteAddress });
      expect(blocked.statusCode).toBe(429);
      const error = errorOf(blocked);
      expect(error.code).toBe("auth.rate_limited");
      expect(error.params.seconds).toBeGreaterThan(0);
      expect(error.params.seconds).toBeLessThanOrEqual(15 * 60);
      expect(blocked.headers["set-cookie"]).toBeUndefined();
    }
    // An unknown login answers exactly like a wrong password.
    const unknown = await api.signin({ login: "nobody-at-all", password: PASSWORD });
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(unknown)).toEqual({ code: "auth.bad_credentials", params: {} });
    // Once the failures are older than 15 minutes, the right password works again.
    await t.db.query(
      "UPDATE login_attempts SET at = now() - interval '16 minutes' WHERE login = 'lestari'",
    );
    expect((await api.signin({ login: "lestari", password: PASSWORD })).statusCode).toBe(200);
  });

  it("answers 429 after 20 failures from one IP across different logins", async () => {
    await api.newAccount("Maya");
    const ip = api.nextIp();
    for (let i = 0; i < 20; i += 1) {
      const wrong = await api.signin(
        { login: `guess-${i}`, password: "not the one" },
        {
          remoteAddress: ip,
        },
      );
      expect(wrong.statusCode).toBe(401);
    }
    const blocked = await api.signin({ login: "maya", password: PASSWORD }, { remoteAddress: ip });
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe("auth.rate_limited");
    // Another IP is not blocked.
    const other = await api.signin({ login: "maya", password: PASSWORD });
    expect(other.statusCode).toBe(200);
  });

  it("refuses sign-up and sign-in without X-Requested-With: selaras (403 auth.csrf)", async () => {
    for (const headers of [{ "x-requested-with": "" }, { "x-requested-with": "XMLHttpRequest" }]) {
      const signup = await api.signup({ name: "Nanda", password: PASSWORD }, { headers });
      expect(signup.statusCode).toBe(403);
      expect(errorOf(signup)).toEqual({ code: "auth.csrf", params: {} });
    }
    const missing = await api.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { name: "Nanda", password: PASSWORD },
    });
    expect(missing.statusCode).toBe(403);
    expect(await t.db.query("SELECT 1 FROM users WHERE name = 'Nanda'")).toHaveLength(0);
    await api.newAccount("Nanda");
    const signin = await api.inject({
      method: "POST",
      url: "/api/auth/signin",
      payload: { login: "Nanda", password: PASSWORD },
    });
    expect(signin.statusCode).toBe(403);
    expect(errorOf(signin).code).toBe("auth.csrf");
    expect(signin.headers["set-cookie"]).toBeUndefined();
  });

  it("refuses sign-out of a session without its X-CSRF-Token (403 auth.csrf)", async () => {
    const oka = await api.newAccount("Oka");
    const other = await api.newAccount("Oka's colleague");
    for (const headers of [{}, { "x-csrf-token": "wrong" }, { "x-csrf-token": other.csrf }]) {
      const response = await api.inject({
        method: "POST",
        url: "/api/auth/signout",
        headers: { cookie: oka.cookie, ...headers },
      });
      expect(response.statusCode).toBe(403);
      expect(errorOf(response)).toEqual({ code: "auth.csrf", params: {} });
      expect((await api.as(oka, "GET", "/api/auth/me")).statusCode).toBe(200);
    }
    // Without a session there is nothing to protect: 204 and the cookie is cleared.
    const anonymous = await api.inject({ method: "POST", url: "/api/auth/signout" });
    expect(anonymous.statusCode).toBe(204);
  });

  it("answers 401 for an expired, unknown or malformed session", async () => {
    const putri = await api.newAccount("Putri");
    expect((await api.as(putri, "GET", "/api/auth/me")).statusCode).toBe(200);
    await t.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [putri.user.id],
    );
    const expired = await api.as(putri, "GET", "/api/auth/me");
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe("auth.required");
    for (const cookie of [
      "selaras_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "selaras_session=' OR 1=1 --",
      "selaras_session=",
      "other=1",
    ]) {
      const response = await api.inject({
        method: "GET",
        url: "/api/auth/me",
        headers: { cookie },
      });
      expect(response.statusCode, cookie).toBe(401);
    }
    // Sign-out of an expired session cannot be refused for CSRF: there is no session left.
    const out = await api.inject({
      method: "POST",
      url: "/api/auth/signout",
      headers: { cookie: putri.cookie },
    });
    expect(out.statusCode).toBe(204);
  });

  it("sets the session cookie HttpOnly, SameSite=Strict, Path=/, for 30 days, Secure only over https", async () => {
    const plain = setCookieOf((await api.newAccount("Rina")).response);
    const flags = plain.split(";").map((part) => part.trim());
    expect(flags[0]).toMatch(/^selaras_session=[A-Za-z0-9_-]{43}$/);
    expect(flags).toContain("HttpOnly");
    expect(flags).toContain("SameSite=Strict");
    expect(flags).toContain("Path=/");
    expect(flags).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    expect(flags).not.toContain("Secure");

    // A forwarded header from a client is not believed without trustProxy.
    const forged = await api.signup(
      { name: "Rina 2", password: PASSWORD },
      { headers: { "x-forwarded-proto": "https" } },
    );
    expect(
      setCookieOf(forged)
        .split(";")
        .map((p) => p.trim()),
    ).not.toContain("Secure");

    const proxied = await buildServer({ db: t.db, trustProxy: true });
    try {
      const behind = new ApiClient(proxied);
      const https = await behind.signup(
        { name: "Rina 3", password: PASSWORD },
        { headers: { "x-forwarded-proto": "https" } },
      );
      expect(https.statusCode).toBe(201);
      const secure = setCookieOf(https)
        .split(";")
        .map((p) => p.trim());
      expect(secure).toContain("Secure");
      expect(secure).toContain("HttpOnly");
      expect(secure).toContain("SameSite=Strict");
      const http = await behind.signup(
        { name: "Rina 4", password: PASSWORD },
        { headers: { "x-forwarded-proto": "http" } },
      );
      expect(
        setCookieOf(http)
          .split(";")
          .map((p) => p.trim()),
      ).not.toContain("Secure");
      const out = await behind.as(sessionOf(https), "POST", "/api/auth/signout", undefined, {
        "x-forwarded-proto": "https",
      });
      expect(setCookieOf(out)).toContain("Secure");
    } finally {
      await proxied.close();
    }
  });

  it("stores the password only as an scrypt hash and the session only as its SHA-256", async () => {
    const secret = "Sóng biển rì rào 42!";
    passwordsUsed.add(secret);
    const sari = await api.newAccount("Sari", secret);
    const rows = await t.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE id = $1",
      [sari.user.id],
    );
    const hash = rows[0]?.password_hash ?? "";
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(secret);
    expect(hash).not.toContain(Buffer.from(secret).toString("base64url"));
    const token = sari.cookie.split("=")[1] ?? "";
    const sessions = await t.db.query<{ token_hash: string }>(
      "SELECT token_hash FROM sessions WHERE user_id = $1",
      [sari.user.id],
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sessions[0]?.token_hash).not.toContain(token);
    // Two accounts with the same password get different salts.
    const twin = await api.newAccount("Sari twin", secret);
    const twinRows = await t.db.query<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE id = $1",
      [twin.user.id],
    );
    expect(twinRows[0]?.password_hash).not.toBe(hash);
    expect((await api.signin({ login: "sari", password: secret })).statusCode).toBe(200);
    expect(
      (await api.signin({ login: "sari", password: secret.normalize("NFD") })).statusCode,
    ).toBe(200);
  });

  it("stores hostile names literally, and refuses control characters cleanly", async () => {
    const hostile = [
      "Robert'); DROP TABLE users;--",
      "<script>alert(1)</script>",
      '" OR ""=" $1 $$ %s \\x00 /* */',
      "Tiếng Việt 🇻🇳 👩🏽‍💻",
      "\u202Eevil\u202C",
    ];
    for (const name of hostile) {
      const response = await api.signup({ name, password: PASSWORD });
      expect(response.statusCode, name).toBe(201);
      const session = sessionOf(response);
      expect(session.user.name).toBe(name);
      expect(response.headers["content-type"]).toContain("application/json");
      const rows = await t.db.query<{ name: string }>("SELECT name FROM users WHERE id = $1", [
        session.user.id,
      ]);
      expect(rows[0]?.name).toBe(name);
      const signin = await api.signin({ login: name, password: PASSWORD });
      expect(signin.statusCode, name).toBe(200);
    }
    const tables = await t.db.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'users'",
    );
    expect(tables).toHaveLength(1);

    for (const name of [
      "nul\u0000byte",
      "tab\there",
      "line\nbreak",
      "bell\u0007",
      "lone \uD800 surrogate",
    ]) {
      const response = await api.signup({ name, password: PASSWORD });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(errorOf(response)).toEqual({ code: "request.invalid", params: { field: "name" } });
    }
    const nulEmail = await api.signup({
      name: "Tono",
      email: "to\u0000no@example.org",
      password: PASSWORD,
    });
    expect(nulEmail.statusCode).toBe(400);
    expect(errorOf(nulEmail)).toEqual({ code: "request.invalid", params: { field: "email" } });
    // A NUL in a login or password is a wrong login, never a server error.
    const nulLogin = await api.signin({ login: "Robert\u0000", password: PASSWORD });
    expect(nulLogin.statusCode).toBe(401);
    const nulPassword = await api.signin({
      login: "<script>alert(1)</script>",
      password: "\u0000",
    });
    expect(nulPassword.statusCode).toBe(401);
    const nulSignupPassword = await api.signup({ name: "Tono", password: `${PASSWORD}\u0000` });
    expect(nulSignupPassword.statusCode).toBe(201);
  });
});
