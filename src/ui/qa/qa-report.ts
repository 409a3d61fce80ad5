import { guardFormula } from "../../core/format/tsv/formula-guard.ts";
import { quoteCell } from "../../core/format/tsv/write-table.ts";
import { runQa, type PlacedFinding } from "../../core/qa/run-qa.ts";
import { applyDismissals, type QaDismissal } from "../../core/qa/dismissals.ts";
import type { QaSettings } from "../../core/qa/settings.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { Lang, TargetLang } from "../../core/model/languages.ts";
import type { Status } from "../../core/model/status.ts";
import type { Severity } from "../../core/qa/types.ts";

/** One line of a QA report: where, what, and the texts it was found on. */
export interface QaReportItem {
  document: string;
  sourceLang: Lang;
  row: number;
  lang: TargetLang;
  severity: Severity;
  check: string;
  code: string;
  finding: PlacedFinding;
  source: string;
  target: string;
  status: Status;
  dismissal?: QaDismissal;
}

export interface QaReport {
  items: QaReportItem[];
  counts: Record<Severity, number>;
  dismissed: number;
}

/**
 * The findings of an export's documents (our JSON's rows), with the project settings applied and
 * the dismissals marked, on the targets the export writes (its languages and statuses).
 */
export function buildQaReport(
  bundle: Bundle,
  options: {
    settings: QaSettings;
    dismissals: readonly QaDismissal[];
    langs: readonly TargetLang[];
    statuses: readonly Status[] | undefined;
  },
): QaReport {
  const found = runQa(bundle.documents, { settings: options.settings });
  const { dismissed } = applyDismissals(found, options.dismissals);
  const byDismissal = new Map(dismissed.map((d) => [d.item, d.dismissal]));
  const docs = new Map(bundle.documents.map((d) => [d.id, d]));
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const items: QaReportItem[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let dismissedCount = 0;
  for (const f of found) {
    if (!options.langs.includes(f.lang)) continue;
    const doc = docs.get(f.documentId);
    const seg = doc?.segments[f.row];
    if (!doc || !seg) continue;
    const target = seg.targets[f.lang];
    const status = target?.status ?? "empty";
    if (statuses && !statuses.has(status)) continue;
    const dismissal = byDismissal.get(f);
    if (dismissal) dismissedCount++;
    else counts[f.finding.severity]++;
    items.push({
      document: doc.title,
      sourceLang: doc.sourceLang,
      row: f.row + 1,
      lang: f.lang,
      severity: f.finding.severity,
      check: f.finding.check,
      code: f.finding.code,
      finding: f,
      source: seg.source,
      target: target?.text ?? "",
      status,
      ...(dismissal ? { dismissal } : {}),
    });
  }
  return { items, counts, dismissed: dismissedCount };
}

/** The words a report is written with, in the interface language. */
export interface QaReportLabels {
  lang: string;
  title: string;
  summary: string;
  none: string;
  columns: {
    document: string;
    row: string;
    lang: string;
    severity: string;
    check: string;
    message: string;
    source: string;
    target: string;
    status: string;
    dismissed: string;
  };
  severity: (s: Severity) => string;
  check: (id: string) => string;
  language: (lang: TargetLang) => string;
  status: (s: Status) => string;
  message: (item: QaReportItem) => string;
  dismissal: (d: QaDismissal) => string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML text or attribute value: nothing in it is read as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const COLOURS: Record<Severity, string> = { error: "#b91c1c", warning: "#b45309", info: "#1d4ed8" };

/**
 * A QA report a person reads in a browser: one self-contained HTML file (styles inline, no script,
 * no outside resource, a Content-Security-Policy that allows none), every text escaped.
 */
export function writeQaReportHtml(report: QaReport, labels: QaReportLabels): string {
  const c = labels.columns;
  const head = [c.document, c.row, c.lang, c.severity, c.check, c.message, c.source, c.target]
    .concat([c.status, c.dismissed])
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join("");
  const rows = report.items
    .map((item) => {
      const cells = [
        escapeHtml(item.document),
        String(item.row),
        escapeHtml(labels.language(item.lang)),
        `<span class="sev" style="color:${COLOURS[item.severity]}">${escapeHtml(labels.severity(item.severity))}</span>`,
        escapeHtml(labels.check(item.check)),
        escapeHtml(labels.message(item)),
        `<span lang="${item.sourceLang}">${escapeHtml(item.source)}</span>`,
        `<span lang="${item.lang}">${escapeHtml(item.target)}</span>`,
        escapeHtml(labels.status(item.status)),
        item.dismissal ? escapeHtml(labels.dismissal(item.dismissal)) : "",
      ];
      return `<tr class="${item.dismissal ? "dismissed" : item.severity}">${cells.map((x) => `<td>${x}</td>`).join("")}</tr>`;
    })
    .join("\n");
  const body =
    report.items.length === 0
      ? `<p>${escapeHtml(labels.none)}</p>`
      : `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
  return `<!doctype html>
<html lang="${escapeHtml(labels.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #111827; }
h1 { font-size: 1.3rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d1d5db; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
.sev { font-weight: 700; }
tr.dismissed td { color: #4b5563; }
tr.dismissed td:nth-child(6) { text-decoration: line-through; }
</style>
</head>
<body>
<h1>${escapeHtml(labels.title)}</h1>
<p>${escapeHtml(labels.summary)}</p>
${body}
</body>
</html>
`;
}

/**
 * The same report as CSV for a spreadsheet: RFC 4180 quoting, CRLF, a UTF-8 BOM, and every cell a
 * spreadsheet would run as a formula kept text (formula-guard.ts, as the table export does).
 */
export function writeQaReportCsv(report: QaReport, labels: QaReportLabels): string {
  const c = labels.columns;
  const lines = [
    [c.document, c.row, c.lang, c.severity, c.check, c.message, c.source, c.target, c.status]
      .concat([c.dismissed, "code"])
      .map((h) => quoteCell(guardFormula(h), ",")),
  ];
  for (const item of report.items) {
    lines.push(
      [
        item.document,
        String(item.row),
        item.lang,
        item.severity,
        item.check,
        labels.message(item),
        item.source,
        item.target,
        item.status,
        item.dismissal ? labels.dismissal(item.dismissal) : "",
        item.code,
      ].map((cell) => quoteCell(guardFormula(cell), ",")),
    );
  }
  return `\ufeff${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}
