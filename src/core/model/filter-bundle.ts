import type { Bundle } from "./bundle.ts";
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
    documents: bundle.documents.map((doc) => ({
      ...doc,
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
