import { describe, expect, it } from "vitest";
import {
  buildQaReport,
  escapeHtml,
  writeQaReportCsv,
  writeQaReportHtml,
  type QaReportLabels,
} from "../../../src/ui/qa/qa-report.ts";
import { runQa } from "../../../src/core/qa/run-qa.ts";
import { parseTable } from "../../../src/core/format/tsv/read-table.ts";
import { unguardFormula } from "../../../src/core/format/tsv/formula-guard.ts";
import type { Bundle } from "../../../src/core/model/bundle.ts";

const bundle: Bundle = {
  documents: [
    {
      id: "d1",
      title: 'Rapat <b onclick="x">',
      sourceLang: "id",
      segments: [
        {
          id: "s1",
          paragraph: 0,
          source: "Lebih dari 2.500 delegasi hadir.",
          targets: {
            en: { text: "<script>alert(1)</script> 2,600 delegates came.", status: "translated" },
            vi: { text: "Hơn 2.500 đại biểu có mặt.", status: "draft" },
          },
        },
        {
          id: "s2",
          paragraph: 0,
          source: "Lihat =SUM(A1) di https://contoh.id.",
          targets: { en: { text: '=HYPERLINK("http://evil") see', status: "translated" } },
        },
      ],
    },
  ],
};

const labels: QaReportLabels = {
  lang: "en",
  title: "QA report: <Rapat>",
  summary: "summary & more",
  none: "No findings.",
  columns: {
    document: "Document",
    row: "Row",
    lang: "Language",
    severity: "Severity",
    check: "Check",
    message: "Finding",
    source: "Source",
    target: "Target",
    status: "Status",
    dismissed: "Dismissed",
  },
  severity: (s) => s,
  check: (c) => c,
  language: (l) => l,
  status: (s) => s,
  message: (item) => `${item.code} ${JSON.stringify(item.finding.finding.params)}`,
  dismissal: (d) => `${d.by}: ${d.reason}`,
};

describe("QA report", () => {
  it("lists the findings of the targets written, with the dismissals marked", () => {
    const number = runQa(bundle.documents).find(
      (f) => f.lang === "en" && f.finding.check === "numbers",
    )!;
    const report = buildQaReport(bundle, {
      settings: { disabled: [], severity: {} },
      dismissals: [
        {
          segmentId: "s1",
          lang: "en",
          fingerprint: number.fingerprint,
          reason: "<i>ok</i>",
          by: "rina",
          at: "2026-12-04T10:00:00.000Z",
        },
      ],
      langs: ["en"],
      statuses: ["translated", "approved"],
    });
    expect(report.items.every((i) => i.lang === "en")).toBe(true);
    const dismissed = report.items.filter((i) => i.dismissal);
    expect(dismissed.map((i) => i.code)).toEqual([number.finding.code]);
    expect(report.dismissed).toBe(1);
    expect(report.counts.error).toBe(
      report.items.filter((i) => !i.dismissal && i.severity === "error").length,
    );
    // Settings apply: the numbers check off leaves no numbers finding.
    const off = buildQaReport(bundle, {
      settings: { disabled: ["numbers", "cross-target"], severity: {} },
      dismissals: [],
      langs: ["en", "vi"],
      statuses: undefined,
    });
    expect(off.items.some((i) => i.check === "numbers" || i.check === "cross-target")).toBe(false);
  });

  it("writes self-contained HTML with every text escaped", () => {
    const report = buildQaReport(bundle, {
      settings: { disabled: [], severity: {} },
      dismissals: [],
      langs: ["en", "vi"],
      statuses: undefined,
    });
    const html = writeQaReportHtml(report, labels);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("default-src 'none'");
    // Nothing the texts hold becomes markup; nothing is loaded from outside.
    expect(html).not.toMatch(/<script|<b |onclick="x"|<i>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Rapat &lt;b onclick=&quot;x&quot;&gt;");
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('<span lang="id">Lebih dari 2.500 delegasi hadir.</span>');
    expect(escapeHtml(`<a href='x'>&"`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  });

  it("writes CSV with formula cells kept text, read back as written", () => {
    const report = buildQaReport(bundle, {
      settings: { disabled: [], severity: {} },
      dismissals: [],
      langs: ["en"],
      statuses: undefined,
    });
    const csv = writeQaReportCsv(report, labels);
    expect(csv.startsWith("\ufeffDocument,Row,Language,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // The formula target starts with an apostrophe (and is quoted: it holds quotes).
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") see"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    // A spreadsheet reads the cells back; taking the guard off gives the texts as they were.
    const rows = parseTable(csv.slice(1), ",", {});
    expect(rows[0]).toHaveLength(11);
    const targets = rows.slice(1).map((r) => unguardFormula(r[7]!));
    expect(targets).toContain('=HYPERLINK("http://evil") see');
    expect(rows.slice(1).every((r) => r.length === 11)).toBe(true);
  });
});
