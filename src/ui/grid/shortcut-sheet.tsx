import { useTranslation } from "react-i18next";
import type { Role } from "../../core/model/profile.ts";
import { Dialog } from "../shared/dialog.tsx";
import { SHORTCUTS } from "./grid-keyboard.ts";

/** The in-app shortcut sheet, generated from the keymap itself, for the current role. */
export function ShortcutSheet({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation("grid");
  return (
    <Dialog title={t("shortcutsTitle")} onClose={onClose} testId="shortcut-sheet">
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.filter((s) => !s.role || s.role === role).map((s) => (
            <tr key={`${s.command}-${s.role ?? ""}`}>
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
