import { writeTmxChunks } from "../../core/format/tmx/write-tmx.ts";
import { writeJson } from "../../core/format/json/write-json.ts";
import { writeXliffFiles } from "../../core/format/xliff/write-xliff-files.ts";
import { writeTable } from "../../core/format/tsv/write-table.ts";
import type { TmxExtras } from "../../core/format/tmx/tmx-extras.ts";
import { TARGET_LANGS, type TargetLang } from "../../core/model/languages.ts";
import type { Bundle } from "../../core/model/bundle.ts";
import type { Status } from "../../core/model/status.ts";
import { APP_VERSION } from "../app/version.ts";

export const FORMATS = ["tmx", "json", "xliff2", "xliff12", "tsv", "csv"] as const;
export type Format = (typeof FORMATS)[number];
export type StatusChoice = "all" | "done" | "approved";

export const STATUS_CHOICES: Record<StatusChoice, readonly Status[] | undefined> = {
  all: undefined,
  done: ["translated", "approved"],
  approved: ["approved"],
};

interface OutFile {
  name: string;
  parts: readonly string[];
  mime: string;
}

export function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
}

/**
 * The TMX writer's language filter for a file of `languages`: none when every language is in it,
 * so that the languages without a column an imported file carried (fr, de …) are written back too.
 */
export function tmxLanguages(languages: readonly TargetLang[]): { languages?: TargetLang[] } {
  return TARGET_LANGS.every((l) => languages.includes(l)) ? {} : { languages: [...languages] };
}

/** The files an export writes: one, or one per target language for XLIFF and per-pair TMX. */
export function buildFiles(
  bundle: Bundle,
  format: Format,
  options: {
    langs: TargetLang[];
    statuses: readonly Status[] | undefined;
    perPair: boolean;
    bom: boolean;
    now: Date;
    stem: string;
    extras: TmxExtras;
    includeNotes: boolean;
    includeProps: boolean;
    /** TMX: also units with no target in the languages (default: left out). */
    includeUntranslated?: boolean;
  },
): OutFile[] {
  const { langs, statuses, now, stem, extras, includeNotes, includeProps } = options;
  const includeUntranslated = options.includeUntranslated ?? false;
  const s = statuses ? { statuses } : {};
  const tmx = (languages: TargetLang[]) =>
    writeTmxChunks(bundle, {
      creationTool: "Selaras",
      creationToolVersion: APP_VERSION,
      creationDate: now,
      ...tmxLanguages(languages),
      extras,
      includeNotes,
      includeProps,
      includeUntranslated,
      ...s,
    });
  switch (format) {
    case "tmx":
      return options.perPair
        ? langs.map((l) => ({
            name: `${stem}-id-${l}.tmx`,
            parts: tmx([l]),
            mime: "application/x-tmx+xml",
          }))
        : [{ name: `${stem}.tmx`, parts: tmx(langs), mime: "application/x-tmx+xml" }];
    case "json":
      return [
        {
          name: `${stem}.json`,
          parts: [writeJson(bundle, { exportedAt: now, toolVersion: APP_VERSION })],
          mime: "application/json",
        },
      ];
    case "xliff2":
    case "xliff12": {
      // XLIFF holds one target language (2.0 also one source language): a file per pair. A
      // language that is the source of every document has nothing to hold and is left out (the
      // dialog says so); none at all is the caller's nothing-to-export.
      const takes = langs.filter((l) =>
        bundle.documents.some((d) => d.segments.length > 0 && d.sourceLang !== l),
      );
      if (takes.length === 0) return [];
      const version = format === "xliff12" ? "1.2" : "2.0";
      return writeXliffFiles(bundle, { version, languages: takes, ...s }).files.map((f) => ({
        name: `${stem}-${f.sourceLang ? `${f.sourceLang}-` : ""}${f.targetLang}${version === "1.2" ? "-1.2" : ""}.xlf`,
        parts: [f.text],
        mime: "application/xliff+xml",
      }));
    }
    case "tsv":
    case "csv":
      return [
        {
          name: `${stem}.${format}`,
          parts: [writeTable(bundle, { format, languages: langs, bom: options.bom, ...s })],
          mime: format === "csv" ? "text/csv" : "text/tab-separated-values",
        },
      ];
  }
}
