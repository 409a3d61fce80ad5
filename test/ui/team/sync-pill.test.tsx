import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { i18n } from "../../../src/i18n/index.ts";
import { SyncPill } from "../../../src/ui/team/sync-pill.tsx";
import type { SyncStatus } from "../../../src/db/sync/engine.ts";

const base: SyncStatus = { connection: "online", pending: 0, lastSyncedAt: null, error: null };

describe("sync pill", () => {
  it("shows synced, syncing and offline with plural forms in en, vi and id", async () => {
    await i18n.changeLanguage("en");
    const { rerender } = render(<SyncPill status={base} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Synced");
    rerender(<SyncPill status={{ ...base, pending: 2 }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Syncing…");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 1 }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Offline — 1 change waiting");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 3 }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Offline — 3 changes waiting");
    const network = { code: "sync.network", params: {} };
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 3, error: network }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Offline — 3 changes waiting");
    const refused = { code: "auth.csrf", params: {} };
    rerender(<SyncPill status={{ ...base, error: refused }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Sync problem: auth.csrf");
    await i18n.changeLanguage("vi");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 3 }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Ngoại tuyến — 3 thay đổi đang chờ");
    await i18n.changeLanguage("id");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 1 }} />);
    expect(screen.getByTestId("sync-pill")).toHaveTextContent("Luring — 1 perubahan menunggu");
    await i18n.changeLanguage("en");
  });
});
