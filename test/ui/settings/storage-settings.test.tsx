/**
 * Settings → Storage: what the browser says of keeping Selaras's data (persistent storage), the
 * button that asks it, and what a refusal advises; the start asks once per browser profile.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../../src/i18n/index.ts";
import { StorageSettings } from "../../../src/ui/settings/storage-settings.tsx";
import { askPersistenceOnce, type PersistenceApi } from "../../../src/ui/app/persistence.ts";

/** A browser whose answer to persist() is `grant`; persisted() says what it last granted. */
function fakeBrowser(grant: boolean, already = false) {
  let persisted = already;
  const persist = vi.fn(() => {
    persisted = persisted || grant;
    return Promise.resolve(persisted);
  });
  const api: PersistenceApi = { persisted: () => Promise.resolve(persisted), persist };
  return { api, persist };
}

afterEach(async () => {
  await act(() => i18n.changeLanguage("en"));
});

describe("Settings: storage", () => {
  it("says the data may be deleted, asks the browser on request, and says when it agreed", async () => {
    const { api, persist } = fakeBrowser(true);
    render(<StorageSettings api={api} />);
    const line = screen.getByTestId("storage-persistence");
    await waitFor(() => expect(line).toHaveAttribute("data-state", "best-effort"));
    expect(line).toHaveTextContent("may delete Selaras’s data");
    await userEvent
      .setup()
      .click(screen.getByRole("button", { name: "Ask the browser to keep the data" }));
    await waitFor(() => expect(line).toHaveAttribute("data-state", "persisted"));
    expect(line).toHaveTextContent("keeps Selaras’s data on this device until you delete it");
    expect(persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("storage-persist")).toBeNull();
  });

  it("a refusal says what makes browsers agree, and the button stays to ask again", async () => {
    const { api, persist } = fakeBrowser(false);
    render(<StorageSettings api={api} />);
    const button = await screen.findByTestId("storage-persist");
    await userEvent.setup().click(button);
    const line = screen.getByTestId("storage-persistence");
    await waitFor(() => expect(line).toHaveTextContent("did not agree"));
    expect(line).toHaveTextContent("install Selaras as an app or bookmark it");
    expect(screen.getByTestId("storage-persist")).toBeEnabled();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it("a browser without the Storage API is told to export regularly; no button", async () => {
    render(<StorageSettings api={null} />);
    const line = screen.getByTestId("storage-persistence");
    await waitFor(() => expect(line).toHaveAttribute("data-state", "unsupported"));
    expect(line).toHaveTextContent("export your work regularly");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("speaks Vietnamese and Indonesian", async () => {
    const { api } = fakeBrowser(false);
    await act(() => i18n.changeLanguage("vi"));
    const { unmount } = render(<StorageSettings api={api} />);
    expect(await screen.findByRole("heading", { name: "Lưu trữ" })).toBeInTheDocument();
    expect(
      await screen.findByRole("button", { name: "Yêu cầu trình duyệt giữ dữ liệu" }),
    ).toBeInTheDocument();
    unmount();
    await act(() => i18n.changeLanguage("id"));
    render(<StorageSettings api={api} />);
    expect(await screen.findByRole("heading", { name: "Penyimpanan" })).toBeInTheDocument();
    expect(
      await screen.findByRole("button", { name: "Minta peramban menyimpan data" }),
    ).toBeInTheDocument();
  });
});

describe("the start asks for persistent storage", () => {
  it("once per browser profile while the data is best-effort; not when already kept", async () => {
    const store = new Map<string, string>();
    const ls = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const refusing = fakeBrowser(false);
    await askPersistenceOnce(refusing.api, ls);
    await askPersistenceOnce(refusing.api, ls);
    expect(refusing.persist).toHaveBeenCalledTimes(1);
    const kept = fakeBrowser(true, true);
    await askPersistenceOnce(kept.api, ls);
    expect(kept.persist).not.toHaveBeenCalled();
    await expect(askPersistenceOnce(null, ls)).resolves.toBeUndefined();
  });
});
