import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { gotoDocument, renderApp } from "../../helpers/render-app.tsx";
import { saveTranslation } from "../../../src/db/operations/save-translation.ts";
import { segmentsOf } from "../../../src/db/queries/segment-rows.ts";
import { dismissFinding } from "../../../src/db/operations/qa-dismissals.ts";
import { loadBundle } from "../../../src/db/operations/bundle.ts";
import { runQa } from "../../../src/core/qa/run-qa.ts";
import { captureDownloads } from "../../helpers/capture-downloads.ts";

const SOURCE = "Lebih dari 2.500 delegasi hadir. Acara berlangsung dua hari.";

afterEach(() => vi.restoreAllMocks());

describe("export with QA", () => {
  it("warns while the targets written have QA errors and writes a QA report", async () => {
    const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const [docId] = await importDocuments(db, [
      { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
    ]);
    const segs = await segmentsOf(db, docId!);
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "en",
      text: "More than 2,600 delegates <came>.",
      user: "lan",
      confirm: true,
    });
    await saveTranslation(db, {
      segmentId: segs[1]!.id,
      lang: "en",
      text: "The event lasted two days",
      user: "lan",
    });
    gotoDocument(docId!);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("export-open"));
    const dialog = await screen.findByTestId("export-dialog");
    expect(
      await within(dialog).findByTestId("export-qa-warning", {}, { timeout: 3000 }),
    ).toHaveTextContent("1 QA error is still open in the segments this export writes.");
    // Approved only: nothing approved has an error.
    await user.selectOptions(within(dialog).getByTestId("export-statuses"), "approved");
    await waitFor(() => expect(within(dialog).queryByTestId("export-qa-warning")).toBeNull());
    await user.selectOptions(within(dialog).getByTestId("export-statuses"), "done");
    await within(dialog).findByTestId("export-qa-warning", {}, { timeout: 3000 });

    const files = captureDownloads();
    await user.click(within(dialog).getByTestId("export-qa-report"));
    expect(within(dialog).getByTestId("export-qa-format")).toHaveValue("html");
    await user.click(within(dialog).getByTestId("export-download"));
    await waitFor(() => expect(files.map((f) => f.name)).toHaveLength(2));
    const report = files.find((f) => f.name.endsWith("-qa.html"))!;
    expect(files[0]!.name).toMatch(/^Delegasi-.*\.tmx$/);
    expect(report.blob.type).toBe("text/html;charset=utf-8");
    const html = await report.blob.text();
    expect(html).toContain("<title>QA report: Delegasi</title>");
    expect(html).toContain("More than 2,600 delegates &lt;came&gt;.");
    expect(html).toMatch(/The source has 2\.500, the target 2,600/);
    // "Done" statuses only: the draft row 2 is not in the report.
    expect(html).not.toContain("The event lasted two days");
  });

  it("leaves dismissed findings out of the warning, and the CSV report marks them", async () => {
    const { importDocuments } = await import("../../../src/db/operations/import-documents.ts");
    const { db } = await renderApp();
    await screen.findAllByTestId("doc-row");
    const [docId] = await importDocuments(db, [
      { title: "Delegasi", sourceLang: "id", text: SOURCE, origin: { kind: "user" } },
    ]);
    const segs = await segmentsOf(db, docId!);
    await saveTranslation(db, {
      segmentId: segs[0]!.id,
      lang: "en",
      text: "More than 2,600 delegates came.",
      user: "lan",
      confirm: true,
    });
    const bundle = await loadBundle(db, [docId!], undefined, { rows: true });
    for (const f of runQa(bundle.documents).filter((x) => x.finding.severity === "error"))
      await dismissFinding(db, {
        docId: docId!,
        segmentId: f.segmentId,
        lang: f.lang,
        fingerprint: f.fingerprint,
        code: f.finding.code,
        reason: "=the client's figure",
        user: "rina",
      });
    gotoDocument(docId!);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("export-open"));
    const dialog = await screen.findByTestId("export-dialog");
    await within(dialog).findByTestId("export-qa");
    const files = captureDownloads();
    await user.click(within(dialog).getByTestId("export-qa-report"));
    await user.selectOptions(within(dialog).getByTestId("export-qa-format"), "csv");
    expect(within(dialog).queryByTestId("export-qa-warning")).toBeNull();
    await user.click(within(dialog).getByTestId("export-download"));
    await waitFor(() => expect(files).toHaveLength(2));
    const blob = files.find((f) => f.name.endsWith("-qa.csv"))!.blob;
    // A UTF-8 byte-order mark first (Blob.text() drops it when decoding).
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await blob.text();
    expect(csv).toMatch(/^Document,Row,Language,Severity,Check,Finding,Source,Target/);
    expect(csv).toMatch(/,number\.mismatch\r\n/);
    expect(csv).toContain("rina on ");
    expect(csv).toContain(": =the client's figure");
  });
});
