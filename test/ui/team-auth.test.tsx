import { describe, expect, it } from "vitest";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../src/i18n/index.ts";
import { FakeTeamServer } from "./team/fake-team-server.ts";
import { renderTeamApp } from "./team-helpers.tsx";
import { SESSION_HINT_KEY } from "../../src/ui/team/team-context.tsx";

describe("team sign-in", () => {
  it("with no Selaras server (health answers HTML) shows no team UI and asks nothing else", async () => {
    const server = new FakeTeamServer();
    server.health = false;
    await renderTeamApp(server);
    await waitFor(() => expect(server.requests).toContain("GET /api/health"));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByTestId("account-menu")).toBeNull();
    expect(screen.queryByTestId("sync-pill")).toBeNull();
    expect(screen.queryByTestId("share-document")).toBeNull();
    expect(server.requests).toEqual(["GET /api/health"]);
  });

  it("with the network gone (fetch rejects) the app is the local app", async () => {
    const server = new FakeTeamServer();
    server.offline = true;
    await renderTeamApp(server, { signedIn: true });
    await waitFor(() => expect(server.requests).toContain("GET /api/health"));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByTestId("account-menu")).toBeNull();
    expect(screen.getAllByTestId("doc-row")).toHaveLength(2);
  });

  it("a wrong password says so (localized), then 429 says the seconds, then signs in", async () => {
    const user = userEvent.setup();
    const server = new FakeTeamServer();
    server.addUser("Lan Nguyễn", "correct horse");
    server.rateLimitAfter = 2;
    await renderTeamApp(server);
    await user.click(await screen.findByTestId("account-menu"));
    const dialog = await screen.findByTestId("sign-in-dialog");
    expect(within(dialog).getByTestId("sign-in-login")).toHaveFocus();
    await user.type(within(dialog).getByTestId("sign-in-login"), "lan nguyễn");
    await user.type(within(dialog).getByTestId("sign-in-password"), "wrong password");
    await user.click(within(dialog).getByTestId("sign-in-submit"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "The name, e-mail or password is wrong.",
    );
    await act(() => i18n.changeLanguage("vi"));
    await user.click(within(dialog).getByTestId("sign-in-submit"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Tên, e-mail hoặc mật khẩu không đúng.",
    );
    await user.click(within(dialog).getByTestId("sign-in-submit"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("840 giây");
    await act(() => i18n.changeLanguage("en"));
    server.failures = 0;
    await user.clear(within(dialog).getByTestId("sign-in-password"));
    await user.type(within(dialog).getByTestId("sign-in-password"), "correct horse");
    await user.click(within(dialog).getByTestId("sign-in-submit"));
    await waitFor(() => expect(screen.queryByTestId("sign-in-dialog")).toBeNull());
    expect(screen.getByTestId("account-menu")).toHaveTextContent("Lan Nguyễn");
    // The hint remembers who signed in (for a start while the server is unreachable).
    expect(JSON.parse(localStorage.getItem(SESSION_HINT_KEY) ?? "null")).toMatchObject({
      name: "Lan Nguyễn",
    });
    // Sign out from the menu, by keyboard.
    screen.getByTestId("account-menu").focus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("account-members")).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(screen.getByTestId("account-signout")).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Sign in"));
    expect(server.session).toBeNull();
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it("creates an account (name taken is refused, localized) and stays signed in after a reload", async () => {
    const user = userEvent.setup();
    const server = new FakeTeamServer();
    server.addUser("Budi", "password-1");
    const first = await renderTeamApp(server);
    await user.click(await screen.findByTestId("account-menu"));
    const dialog = await screen.findByTestId("sign-in-dialog");
    await user.click(within(dialog).getByTestId("sign-in-switch-signup"));
    const name = await within(screen.getByTestId("sign-in-dialog")).findByTestId("sign-up-name");
    await user.type(name, "budi");
    await user.type(screen.getByTestId("sign-in-password"), "password-2");
    await user.click(screen.getByTestId("sign-in-submit"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This name is already used by another account.",
    );
    await user.clear(screen.getByTestId("sign-up-name"));
    await user.type(screen.getByTestId("sign-up-name"), "Citra");
    await user.click(screen.getByTestId("sign-in-submit"));
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Citra"));
    expect(server.users.map((u) => u.name)).toEqual(["Budi", "Citra"]);
    first.unmount();
    // The session hint asks /api/auth/me at the next start.
    localStorage.setItem(SESSION_HINT_KEY, "1");
    await renderTeamApp(server, { signedIn: true });
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Citra"));
  });

  it("signed in before and the server unreachable: the team UI stays, offline, and comes back with it", async () => {
    const server = new FakeTeamServer();
    const dewi = server.addUser("Dewi", "password-3");
    server.addProject("Tim Dewi", dewi);
    const first = await renderTeamApp(server);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("account-menu"));
    await user.type(await screen.findByTestId("sign-in-login"), "Dewi");
    await user.type(screen.getByTestId("sign-in-password"), "password-3");
    await user.click(screen.getByTestId("sign-in-submit"));
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Dewi"));
    const remembered = localStorage.getItem(SESSION_HINT_KEY);
    first.unmount();

    server.offline = true;
    await renderTeamApp(server, { hint: remembered });
    await waitFor(() => expect(screen.getByTestId("account-menu")).toHaveTextContent("Dewi"));
    await waitFor(() =>
      expect(screen.getByTestId("sync-pill").getAttribute("data-state")).toBe("offline"),
    );
    // Back online: the app asks the server again and syncs.
    server.offline = false;
    await act(async () => {
      window.dispatchEvent(new Event("online"));
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(
      () => expect(screen.getByTestId("sync-pill").getAttribute("data-state")).not.toBe("offline"),
      { timeout: 8_000 },
    );
    expect(server.requests).toContain("GET /api/auth/me");
  });
});
