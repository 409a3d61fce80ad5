import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDb } from "../../db/db-context.ts";
import { useCell } from "../../db/hooks.ts";
import { setAlternative } from "../../db/operations/repetitions.ts";
import { translationId } from "../../core/model/records.ts";
import type { CellRef } from "./cells/target-cell.tsx";

/**
 * "Alternative translation" for the active cell (issue 15): a cell so marked is neither filled from
 * its repetitions (same source) when one is confirmed nor fills them. One undoable command.
 */
export function AlternativeToggle({
  cell,
  user,
  run,
}: {
  cell: CellRef;
  user: string;
  run: (task: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t } = useTranslation("grid");
  const db = useDb();
  const id = cell.cellId ?? translationId(cell.segmentId, cell.lang);
  const stored = useCell(id);
  // What was clicked, shown at once for this cell (the stored mark follows via the live query).
  const [chosen, setChosen] = useState<{ id: string; value: boolean } | null>(null);
  if (stored === undefined) return null;
  return (
    <div className="alternative-toggle">
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="alternative-toggle"
          checked={chosen?.id === id ? chosen.value : !!stored?.alternative}
          aria-describedby="alternative-hint"
          onChange={(e) => {
            const alternative = e.target.checked;
            setChosen({ id, value: alternative });
            void run(() =>
              setAlternative(db, {
                segmentId: cell.segmentId,
                lang: cell.lang,
                ...(cell.cellId ? { cellId: cell.cellId } : {}),
                alternative,
                user,
              }),
            );
          }}
        />{" "}
        {t("repetitions.alternative")}
      </label>
      <p className="hint" id="alternative-hint">
        {t("repetitions.alternativeHint")}
      </p>
    </div>
  );
}
