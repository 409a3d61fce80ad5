import type { Bundle, BundleDocument } from "./bundle.ts";
import { TARGET_LANGS, type TargetLang } from "./languages.ts";
import type { Status } from "./status.ts";

export interface BundleFilter {
  /** Target languages to keep (default: all). */
  languages?: readonly TargetLang[];
  /** Target statuses to keep (default: all). */
  statuses?: readonly Status[];
  /** Drop segments left without any target (an "approved only" memory holds only approved units). */
  dropUntranslated?: boolean;
}

/** A copy of the bundle with only the targets of the given languages and statuses (sources all kept). */
export function filterBundle(bundle: Bundle, filter: BundleFilter): Bundle {
  const languages = filter.languages ?? TARGET_LANGS;
  const statuses = filter.statuses ? new Set(filter.statuses) : null;
  return {
    documents: bundle.documents.map(({ alignment, ...doc }) => ({
      ...doc,
      ...alignmentFilter(alignment, languages, statuses !== null || !!filter.dropUntranslated),
      segments: doc.segments
        .map((seg) => {
          const targets: (typeof seg)["targets"] = {};
          for (const lang of languages) {
            const t = seg.targets[lang];
            if (t && (!statuses || statuses.has(t.status))) targets[lang] = t;
          }
          return { ...seg, targets };
        })
        .filter((seg) => !filter.dropUntranslated || Object.keys(seg.targets).length > 0),
    })),
  };
}

/**
 * Aligned columns survive a language filter; a filter that drops targets or rows keeps only rows'
 * own targets (a column of cells with some dropped would no longer line up with the rows).
 */
function alignmentFilter(
  alignment: BundleDocument["alignment"],
  languages: readonly TargetLang[],
  dropsSome: boolean,
): Pick<BundleDocument, "alignment"> {
  if (!alignment || dropsSome) return {};
  const kept: NonNullable<BundleDocument["alignment"]> = {};
  for (const lang of languages) if (alignment[lang]) kept[lang] = alignment[lang];
  return Object.keys(kept).length > 0 ? { alignment: kept } : {};
}
