import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { i18n } from "../../../src/i18n/index.ts";
import { SyncPill } from "../../../src/ui/team/sync-pill.tsx";
import type { SyncStatus } from "../../../src/db/sync/engine.ts";

const base: SyncStatus = { connection: "online", pending: 0, lastSyncedAt: null, error: null };

describe("sync pill", () => {
  it("shows synced, connecting, to send and offline with plural forms in en, vi and id", async () => {
    await i18n.changeLanguage("en");
    const { rerender } = render(<SyncPill status={base} />);
    const pill = () => screen.getByTestId("sync-pill");
    expect(pill()).toHaveTextContent("Synced");
    rerender(<SyncPill status={{ ...base, connection: "connecting" }} />);
    expect(pill()).toHaveTextContent("Connecting…");
    rerender(<SyncPill status={{ ...base, pending: 2 }} />);
    expect(pill()).toHaveTextContent("2 changes to send");
    expect(pill()).toHaveAttribute("data-state", "pending");
    rerender(<SyncPill status={{ ...base, lastSyncedAt: "2026-12-03T10:05:00Z" }} />);
    expect(pill()).toHaveTextContent(/Synced \d{1,2}:05/);
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 1 }} />);
    expect(pill()).toHaveTextContent("Offline — 1 change waiting");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 3 }} />);
    expect(pill()).toHaveTextContent("Offline — 3 changes waiting");
    const network = { code: "sync.network", params: {} };
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 3, error: network }} />);
    expect(pill()).toHaveTextContent("Offline — 3 changes waiting");
    expect(pill()).toHaveAttribute("data-state", "offline");
    const refused = { code: "auth.csrf", params: {} };
    rerender(<SyncPill status={{ ...base, error: refused }} refused={2} />);
    expect(pill()).toHaveTextContent("Sync problem: The server refused the request for security");
    expect(screen.getByTestId("sync-refused-count")).toHaveTextContent("2 refused");
    await i18n.changeLanguage("vi");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 3 }} />);
    expect(pill()).toHaveTextContent("Ngoại tuyến — 3 thay đổi đang chờ");
    await i18n.changeLanguage("id");
    rerender(<SyncPill status={{ ...base, connection: "offline", pending: 1 }} />);
    expect(pill()).toHaveTextContent("Luring — 1 perubahan menunggu");
    await i18n.changeLanguage("en");
  });
});
