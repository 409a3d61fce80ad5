import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { messageKey } from "../../core/qa/registry.ts";
import type { QaFinding } from "../../core/qa/types.ts";

/**
 * A finding's message in the interface language (a language code in its params as its name, as
 * written inside a sentence: "bản dịch tiếng Anh", "terjemahan bahasa Inggris").
 */
export function useFindingText(): (finding: QaFinding) => string {
  const { t } = useTranslation(["qa", "common"]);
  return useCallback(
    (finding: QaFinding) => {
      const params: Record<string, string | number> = { ...finding.params };
      const other = params["other"];
      if (other === "vi" || other === "en" || other === "id")
        params["other"] = t(`common:langInText.${other}`);
      return t(`qa:finding.${messageKey(finding.code)}` as "qa:finding.untranslated", params);
    },
    [t],
  );
}
