import { afterEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { i18n } from "../../../src/i18n/index.ts";
import { AutosaveContext } from "../../../src/ui/app/autosave-context.ts";
import { UpdateBanner } from "../../../src/ui/app/update-banner.tsx";
import { offerAppUpdate } from "../../../src/ui/app/app-update.ts";
import type { Autosave, SaveState } from "../../../src/db/autosave.ts";

/** The save-pending notion the banner reads: state, subscribe, flush (a stand-in for Autosave). */
function fakeAutosave(initial: SaveState) {
  let state = initial;
  const listeners = new Set<() => void>();
  const flush = vi.fn(() => Promise.resolve());
  const autosave = {
    getState: () => state,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    flush,
  };
  return {
    autosave: autosave as unknown as Autosave,
    flush,
    set(next: SaveState) {
      state = next;
      for (const l of listeners) l();
    },
  };
}

afterEach(() => offerAppUpdate(null));

describe("update banner", () => {
  it("shows nothing until a new version waits", () => {
    const { autosave } = fakeAutosave({ kind: "saved" });
    render(
      <AutosaveContext.Provider value={autosave}>
        <UpdateBanner />
      </AutosaveContext.Provider>,
    );
    expect(screen.queryByTestId("update-banner")).toBeNull();
    act(() => offerAppUpdate(() => Promise.resolve()));
    expect(screen.getByTestId("update-banner")).toHaveTextContent(
      "A new version of Selaras is ready.",
    );
  });

  it("Update stores pending edits first and does not reload while something is still unsaved", async () => {
    const save = fakeAutosave({ kind: "saving", pending: 2 });
    const apply = vi.fn(() => Promise.resolve());
    render(
      <AutosaveContext.Provider value={save.autosave}>
        <UpdateBanner />
      </AutosaveContext.Provider>,
    );
    act(() => offerAppUpdate(apply));
    fireEvent.click(screen.getByTestId("update-apply"));
    await waitFor(() => expect(screen.getByTestId("update-waiting")).toBeInTheDocument());
    expect(save.flush).toHaveBeenCalledTimes(1);
    expect(apply).not.toHaveBeenCalled();
    expect(screen.getByTestId("update-waiting")).toHaveTextContent(/still being saved/);

    // A failed save keeps it waiting too.
    act(() => save.set({ kind: "error", error: { code: "db.quota", params: {} } }));
    fireEvent.click(screen.getByTestId("update-apply"));
    await waitFor(() => expect(save.flush).toHaveBeenCalledTimes(2));
    expect(apply).not.toHaveBeenCalled();

    act(() => save.set({ kind: "saved" }));
    fireEvent.click(screen.getByTestId("update-apply"));
    await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
  });

  it("Later hides the offer; texts in vi and id", async () => {
    const { autosave } = fakeAutosave({ kind: "saved" });
    render(
      <AutosaveContext.Provider value={autosave}>
        <UpdateBanner />
      </AutosaveContext.Provider>,
    );
    act(() => offerAppUpdate(() => Promise.resolve()));
    await act(() => i18n.changeLanguage("vi"));
    expect(screen.getByTestId("update-apply")).toHaveTextContent("Cập nhật");
    await act(() => i18n.changeLanguage("id"));
    expect(screen.getByTestId("update-apply")).toHaveTextContent("Perbarui");
    await act(() => i18n.changeLanguage("en"));
    fireEvent.click(screen.getByTestId("update-later"));
    expect(screen.queryByTestId("update-banner")).toBeNull();
  });
});
