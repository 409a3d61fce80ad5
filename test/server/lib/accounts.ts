/**
 * Test helpers for the account API through `app.inject`: sign up / sign in and keep the session
 * cookie and CSRF token, so a test can call the other routes as that account. Every answer body
 * is recorded in `bodies`, so a test can check that no password ever appears in one.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

export interface TestUser {
  id: string;
  name: string;
  email: string | null;
  admin: boolean;
}

export interface TestSession {
  user: TestUser;
  /** `selaras_session=<token>` for the Cookie header. */
  cookie: string;
  csrf: string;
  /** The answer of the sign-up or sign-in that made this session. */
  response: LightMyRequestResponse;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export class ApiClient {
  /** Every answer body seen, in order. */
  readonly bodies: string[] = [];
  private ipCounter = 0;

  constructor(readonly app: FastifyInstance) {}

  /** A fresh remote address, so the per-IP rate limit of one test does not touch another. */
  nextIp(): string {
    this.ipCounter += 1;
    return `10.${Math.floor(this.ipCounter / 250) % 250}.${this.ipCounter % 250}.7`;
  }

  async inject(options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await this.app.inject(options);
    this.bodies.push(response.body);
    return response;
  }

  signup(
    body: Record<string, unknown>,
    options: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ): Promise<LightMyRequestResponse> {
    return this.inject({
      method: "POST",
      url: "/api/auth/signup",
      headers: { "x-requested-with": "selaras", ...options.headers },
      payload: body,
      remoteAddress: options.remoteAddress ?? "127.0.0.1",
    });
  }

  signin(
    body: Record<string, unknown>,
    options: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ): Promise<LightMyRequestResponse> {
    return this.inject({
      method: "POST",
      url: "/api/auth/signin",
      headers: { "x-requested-with": "selaras", ...options.headers },
      payload: body,
      remoteAddress: options.remoteAddress ?? this.nextIp(),
    });
  }

  /** Signs up and returns the session; fails the test unless the answer is 201. */
  async newAccount(name: string, password = "correct horse battery", email?: string) {
    const response = await this.signup(
      email === undefined ? { name, password } : { name, password, email },
    );
    if (response.statusCode !== 201) {
      throw new Error(`sign-up of ${name} answered ${response.statusCode}: ${response.body}`);
    }
    return sessionOf(response);
  }

  /** A request as `session` (cookie, and the CSRF token on state-changing methods). */
  as(
    session: TestSession | null,
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const all: Record<string, string> = {};
    if (session) {
      all.cookie = session.cookie;
      if (method !== "GET") all["x-csrf-token"] = session.csrf;
    }
    const options: InjectOptions = { method, url, headers: { ...all, ...headers } };
    if (payload !== undefined) options.payload = payload as InjectOptions["payload"];
    return this.inject(options);
  }
}

/** The raw Set-Cookie header of an answer (one value). */
export function setCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers["set-cookie"];
  const value = Array.isArray(header) ? header.join("\n") : header;
  if (typeof value !== "string") throw new Error(`no Set-Cookie in ${response.statusCode}`);
  return value;
}

export function sessionOf(response: LightMyRequestResponse): TestSession {
  const body = response.json<{ user: TestUser; csrfToken: string }>();
  const match = /selaras_session=([^;]*)/.exec(setCookieOf(response));
  if (!match?.[1]) throw new Error("no session cookie");
  return {
    user: body.user,
    cookie: `selaras_session=${match[1]}`,
    csrf: body.csrfToken,
    response,
  };
}

/** `{code, params}` of an error answer. */
export function errorOf(response: LightMyRequestResponse): {
  code: string;
  params: Record<string, unknown>;
} {
  return response.json<{ error: { code: string; params: Record<string, unknown> } }>().error;
}
