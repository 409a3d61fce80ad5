import { useTranslation } from "react-i18next";
import { Dialog } from "../shared/dialog.tsx";
import { CELL_SHORTCUTS, PAGE_SHORTCUTS } from "./grid-keyboard.ts";

/** The in-app shortcut sheet, generated from the keymap itself. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation("grid");
  return (
    <Dialog title={t("shortcutsTitle")} onClose={onClose} testId="shortcut-sheet">
      <table className="shortcut-table">
        <tbody>
          {[...CELL_SHORTCUTS, ...PAGE_SHORTCUTS].map((s) => (
            <tr key={s.command}>
              <td>{t(`command.${s.command}`)}</td>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && " / "}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
