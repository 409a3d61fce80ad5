import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { onRepetitionsApplied } from "../../db/operations/repetitions.ts";

/**
 * Says "Applied to N repetitions" through `show` (the grid's notice line) after a confirm in this
 * document filled repetitions (issue 15); one undo takes them back with the confirm.
 */
export function useRepetitionNotice(docId: string, show: (text: string) => void): void {
  const { t } = useTranslation("grid");
  const db = useDb();
  useEffect(
    () =>
      onRepetitionsApplied(db, (applied) => {
        if (applied.docId === docId) show(t("repetitions.applied", { count: applied.count }));
      }),
    [db, docId, show, t],
  );
}
