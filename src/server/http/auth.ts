/**
 * Accounts and sessions (team-api.md): sign-up, sign-in, sign-out, me, and `authenticate` for every
 * other route. Passwords: scrypt (N=2^15, r=8, p=1, 16-byte salt) stored as
 * `scrypt$N$r$p$salt$hash` (base64url), never logged or returned. Sessions: cookie
 * `selaras_session` (32 random bytes, stored as SHA-256 hex), HttpOnly, SameSite=Strict, 30 days.
 * CSRF: sign-up and sign-in need `X-Requested-With: selaras`; a signed-in state-changing request
 * needs `X-CSRF-Token` equal to the session's token.
 *
 * Rate limit (in login_attempts, so every server process sees it): 5 failed sign-ins for one login
 * or 20 from one IP within 15 minutes answer 429 `auth.rate_limited` {seconds}. A successful
 * sign-in resets the count of its login (failures before it no longer count), not the IP's count.
 * Refused (rate-limited) attempts are not recorded, so waiting always ends the block.
 */
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sqlState, type Database, type Queryable } from "../db/database.ts";
import { ApiError } from "./errors.ts";

export interface AuthUser {
  userId: string;
  name: string;
  admin: boolean;
}

export type Authenticate = (
  request: FastifyRequest,
  options: { csrf: boolean },
) => Promise<AuthUser>;

/** The account as the API shows it (team-api.md `user`). */
export interface PublicUser {
  id: string;
  name: string;
  email: string | null;
  admin: boolean;
}

export const SESSION_COOKIE = "selaras_session";
export const SESSION_DAYS = 30;
const SESSION_SECONDS = SESSION_DAYS * 24 * 60 * 60;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;
export const NAME_MAX = 100;
const EMAIL_MAX = 254;

export const RATE_WINDOW_MINUTES = 15;
export const RATE_LIMIT_PER_LOGIN = 5;
export const RATE_LIMIT_PER_IP = 20;

// ---------------------------------------------------------------------------------------------
// Passwords

const SCRYPT_N = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Enough for 128·N·r (32 MiB at N=2^15) plus scrypt's own overhead. */
const SCRYPT_MAXMEM = 128 * 1024 * 1024;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  n: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      keyLength,
      { N: n, r, p, maxmem: SCRYPT_MAXMEM },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, KEY_BYTES, SCRYPT_N, SCRYPT_R, SCRYPT_P);
  return [
    "scrypt",
    SCRYPT_N,
    SCRYPT_R,
    SCRYPT_P,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
}

/** True when `password` matches `stored`; false for a malformed or unsupported stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // Bounded, so a damaged row cannot make one sign-in take minutes or gigabytes.
  const valid =
    Number.isInteger(n) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    n >= 2 &&
    n <= 2 ** 17 &&
    (n & (n - 1)) === 0 &&
    r >= 1 &&
    r <= 16 &&
    p >= 1 &&
    p <= 4;
  if (!valid) return false;
  const salt = Buffer.from(parts[4] ?? "", "base64url");
  const expected = Buffer.from(parts[5] ?? "", "base64url");
  if (salt.length === 0 || expected.length < 16) return false;
  const actual = await scryptAsync(password, salt, expected.length, n, r, p);
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password, verified when the login is unknown (same time as a real one). */
let dummyHash: Promise<string> | null = null;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}

// ---------------------------------------------------------------------------------------------
// Tokens and cookies

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Compares two secrets in constant time (over their SHA-256, so lengths may differ). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a, "utf8").digest();
  const hb = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    return value === "" ? null : value;
  }
  return null;
}

function sessionTokenOf(request: FastifyRequest): string | null {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  // Our tokens are 32 bytes in base64url (43 characters); anything else cannot be a session.
  return token !== null && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

function cookieFlags(request: FastifyRequest): string {
  return `Path=/; HttpOnly; SameSite=Strict${request.protocol === "https" ? "; Secure" : ""}`;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.header(
    "Set-Cookie",
    `${SESSION_COOKIE}=${token}; Max-Age=${SESSION_SECONDS}; ${cookieFlags(request)}`,
  );
}

function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(
    "Set-Cookie",
    `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${cookieFlags(request)}`,
  );
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Sign-up and sign-in (no session yet): a cross-site form cannot send this header. */
function requireRequestedWith(request: FastifyRequest): void {
  if (headerValue(request, "x-requested-with") !== "selaras") {
    throw new ApiError(403, "auth.csrf");
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions

interface SessionRow {
  [key: string]: unknown;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  name: string;
  email: string | null;
  admin: boolean;
}

async function findSession(db: Queryable, token: string): Promise<SessionRow | null> {
  const rows = await db.query<SessionRow>(
    `SELECT s.token_hash, s.user_id, s.csrf_token, u.name, u.email, u.admin
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [sha256Hex(token)],
  );
  return rows[0] ?? null;
}

function checkCsrf(request: FastifyRequest, session: SessionRow): void {
  const sent = headerValue(request, "x-csrf-token");
  if (sent === undefined || !secretsEqual(sent, session.csrf_token)) {
    throw new ApiError(403, "auth.csrf");
  }
}

/**
 * `authenticate(request, {csrf})`: the signed-in account of the request's session cookie, or throws
 * 401 `auth.required` (no cookie, unknown or expired session) / 403 `auth.csrf` (with `csrf`, when
 * X-CSRF-Token is missing or differs from the session's).
 */
export function createAuthenticate(db: Database): Authenticate {
  return async (request, options) => {
    const token = sessionTokenOf(request);
    const session = token === null ? null : await findSession(db, token);
    if (session === null) throw new ApiError(401, "auth.required");
    if (options.csrf) checkCsrf(request, session);
    return { userId: session.user_id, name: session.name, admin: session.admin === true };
  };
}

async function startSession(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<string> {
  // A session cookie the browser still sends is replaced, not kept beside the new one.
  const previous = sessionTokenOf(request);
  if (previous !== null) {
    await db.query("DELETE FROM sessions WHERE token_hash = $1", [sha256Hex(previous)]);
  }
  const token = randomToken();
  const csrfToken = randomToken();
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4::int))`,
    [sha256Hex(token), userId, csrfToken, SESSION_DAYS],
  );
  // Housekeeping: this account's expired sessions.
  await db.query("DELETE FROM sessions WHERE user_id = $1 AND expires_at <= now()", [userId]);
  setSessionCookie(request, reply, token);
  return csrfToken;
}

// ---------------------------------------------------------------------------------------------
// Input

/**
 * Characters no name, e-mail or login may hold: controls (U+0000 cannot even be stored in a
 * PostgreSQL text) and lone surrogates (they would be stored as U+FFFD, not as sent).
 */
const UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** Trimmed, NFC; 1..100 characters, no control characters and no "@" (an e-mail is a login). */
export function normalizeName(value: unknown): string {
  if (typeof value !== "string") throw new ApiError(400, "request.invalid", { field: "name" });
  const name = value.normalize("NFC").trim();
  const length = [...name].length;
  if (length < 1 || length > NAME_MAX || UNSTORABLE.test(name) || name.includes("@")) {
    throw new ApiError(400, "request.invalid", { field: "name" });
  }
  return name;
}

/** Trimmed and lowercased; empty or absent = null. */
function normalizeEmail(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new ApiError(400, "request.invalid", { field: "email" });
  const email = value.normalize("NFC").trim().toLowerCase();
  if (email === "") return null;
  if (email.length > EMAIL_MAX || UNSTORABLE.test(email) || !/^[^\s@]+@[^\s@]+$/u.test(email)) {
    throw new ApiError(400, "request.invalid", { field: "email" });
  }
  return email;
}

function checkPassword(value: unknown): string {
  if (typeof value !== "string") throw new ApiError(400, "request.invalid", { field: "password" });
  const length = [...value].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new ApiError(400, "auth.bad_password", { min: PASSWORD_MIN, max: PASSWORD_MAX });
  }
  return value;
}

/**
 * The login as the rate limit counts it: trimmed, NFC, lowercased, at most 320 characters, with
 * characters PostgreSQL cannot store (U+0000, lone surrogates) as U+FFFD.
 */
function loginKey(login: string): string {
  return login
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .slice(0, 320)
    .replace(new RegExp(UNSTORABLE.source, "gu"), "\uFFFD");
}

// ---------------------------------------------------------------------------------------------
// Rate limit

/**
 * Seconds until another attempt is allowed, or 0. Blocked while `limit` failures lie within the
 * window: the block ends when the limit-th most recent of them leaves it.
 */
async function blockedSeconds(db: Database, login: string, ip: string): Promise<number> {
  const rows = await db.query<{ seconds: string | number | null }>(
    `SELECT greatest(
       (SELECT ceil(extract(epoch FROM (at + make_interval(mins => $3::int) - now())))
          FROM login_attempts
         WHERE login = $1 AND NOT success AND at > now() - make_interval(mins => $3::int)
           AND at > coalesce((SELECT max(at) FROM login_attempts WHERE login = $1 AND success),
                             '-infinity'::timestamptz)
         ORDER BY at DESC OFFSET $4::int - 1 LIMIT 1),
       (SELECT ceil(extract(epoch FROM (at + make_interval(mins => $3::int) - now())))
          FROM login_attempts
         WHERE ip = $2 AND NOT success AND at > now() - make_interval(mins => $3::int)
         ORDER BY at DESC OFFSET $5::int - 1 LIMIT 1)
     ) AS seconds`,
    [login, ip, RATE_WINDOW_MINUTES, RATE_LIMIT_PER_LOGIN, RATE_LIMIT_PER_IP],
  );
  const seconds = rows[0]?.seconds;
  return seconds === null || seconds === undefined ? 0 : Math.max(1, Number(seconds));
}

// ---------------------------------------------------------------------------------------------
// Routes

interface UserRow {
  [key: string]: unknown;
  id: string;
  name: string;
  email: string | null;
  admin: boolean;
  password_hash: string;
}

function publicUser(row: { id: string; name: string; email: string | null; admin: boolean }) {
  return { id: row.id, name: row.name, email: row.email, admin: row.admin === true };
}

/** Advisory lock key serializing sign-ups, so exactly one first account becomes admin. */
const SIGNUP_LOCK = 0x5e1a7a5;

const signupSchema = {
  body: {
    type: "object",
    required: ["name", "password"],
    properties: {
      name: { type: "string", maxLength: 1000 },
      email: { type: ["string", "null"], maxLength: 1000 },
      password: { type: "string" },
    },
  },
} as const;

const signinSchema = {
  body: {
    type: "object",
    required: ["login", "password"],
    properties: {
      login: { type: "string", maxLength: 1000 },
      password: { type: "string" },
    },
  },
} as const;

export function registerAuthRoutes(app: FastifyInstance, options: { db: Database }): void {
  const { db } = options;

  app.post("/api/auth/signup", { schema: signupSchema }, async (request, reply) => {
    requireRequestedWith(request);
    const body = request.body as { name?: unknown; email?: unknown; password?: unknown };
    const name = normalizeName(body.name);
    const email = normalizeEmail(body.email);
    const password = checkPassword(body.password);
    const passwordHash = await hashPassword(password);
    const id = randomUUID();
    let user: PublicUser;
    try {
      user = await db.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock($1)", [SIGNUP_LOCK]);
        const taken = await tx.query<{ name_taken: boolean; email_taken: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM users WHERE lower(name) = lower($1)) AS name_taken,
                  EXISTS (SELECT 1 FROM users WHERE $2::text IS NOT NULL
                                                AND lower(email) = lower($2::text)) AS email_taken`,
          [name, email],
        );
        if (taken[0]?.name_taken) throw new ApiError(409, "auth.name_taken");
        if (taken[0]?.email_taken) throw new ApiError(409, "auth.email_taken");
        const rows = await tx.query<UserRow>(
          `INSERT INTO users (id, name, email, password_hash, admin)
           SELECT $1, $2, $3, $4, NOT EXISTS (SELECT 1 FROM users)
           RETURNING id, name, email, admin`,
          [id, name, email, passwordHash],
        );
        const row = rows[0];
        if (!row) throw new Error("sign-up inserted no row");
        return publicUser(row);
      });
    } catch (error) {
      // The lock makes these unlikely; a unique index is the last word all the same.
      if (sqlState(error) === "23505") {
        const text = String((error as { constraint?: unknown }).constraint ?? error);
        throw new ApiError(409, text.includes("email") ? "auth.email_taken" : "auth.name_taken");
      }
      throw error;
    }
    const csrfToken = await startSession(db, request, reply, user.id);
    return reply.status(201).send({ user, csrfToken });
  });

  app.post("/api/auth/signin", { schema: signinSchema }, async (request, reply) => {
    requireRequestedWith(request);
    const body = request.body as { login: string; password: string };
    const login = loginKey(body.login);
    // Looked up as typed (trimmed, NFC) and lowercased by the database on both sides, as the unique
    // index users_name_ci does: JavaScript's toLowerCase and PostgreSQL's lower() differ outside
    // ASCII under the C locale ("Đức" stayed unreachable by name). A login with a character no
    // account can hold matches nobody (and cannot be sent to PostgreSQL).
    const typed = body.login.normalize("NFC").trim();
    const lookup = UNSTORABLE.test(typed) ? null : typed;
    const ip = request.ip || "unknown";
    const seconds = await blockedSeconds(db, login, ip);
    if (seconds > 0) throw new ApiError(429, "auth.rate_limited", { seconds });
    // Recorded as a failure first, so concurrent attempts count each other while scrypt runs.
    const attempt = await db.query<{ id: string | number }>(
      "INSERT INTO login_attempts (login, ip, success) VALUES ($1, $2, false) RETURNING id",
      [login, ip],
    );
    const rows =
      lookup === null
        ? []
        : await db.query<UserRow>(
            `SELECT id, name, email, admin, password_hash FROM users
              WHERE lower(name) = lower($1)
                 OR (email IS NOT NULL AND (lower(email) = lower($1) OR email = $2))
              ORDER BY (lower(name) = lower($1)) DESC LIMIT 1`,
            // E-mails are stored lowercased by JavaScript (normalizeEmail): $2 finds those too.
            [lookup, lookup.toLowerCase()],
          );
    const row = rows[0];
    const password = body.password.length <= PASSWORD_MAX * 4 ? body.password : "";
    const stored = row?.password_hash ?? (await dummyPasswordHash());
    const ok = (await verifyPassword(password, stored)) && row !== undefined && password !== "";
    if (!ok || row === undefined) throw new ApiError(401, "auth.bad_credentials");
    await db.query("UPDATE login_attempts SET success = true WHERE id = $1", [attempt[0]?.id]);
    // Housekeeping: attempts older than the window are of no use.
    await db.query(
      "DELETE FROM login_attempts WHERE at < now() - make_interval(mins => $1::int) * 2",
      [RATE_WINDOW_MINUTES],
    );
    const csrfToken = await startSession(db, request, reply, row.id);
    return reply.status(200).send({ user: publicUser(row), csrfToken });
  });

  app.post("/api/auth/signout", async (request, reply) => {
    const token = sessionTokenOf(request);
    const session = token === null ? null : await findSession(db, token);
    if (session !== null) {
      checkCsrf(request, session);
      await db.query("DELETE FROM sessions WHERE token_hash = $1", [session.token_hash]);
    }
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  app.get("/api/auth/me", async (request, reply) => {
    const token = sessionTokenOf(request);
    const session = token === null ? null : await findSession(db, token);
    if (session === null) throw new ApiError(401, "auth.required");
    reply.header("Cache-Control", "no-store");
    return {
      user: publicUser({
        id: session.user_id,
        name: session.name,
        email: session.email,
        admin: session.admin,
      }),
      csrfToken: session.csrf_token,
    };
  });
}
