import { useTranslation } from "react-i18next";
import type { Role } from "../../core/model/profile.ts";
import { Dialog } from "../shared/dialog.tsx";
import { SHORTCUTS } from "./grid-keyboard.ts";
import { TM_SHORTCUTS } from "../tm/tm-shortcuts.ts";

/** Moving around the grid (WAI-ARIA grid pattern, issue 13 item 10), listed in README too. */
export const NAVIGATION = [
  ["escape", ["Esc"]],
  ["arrows", ["↑", "↓", "←", "→"]],
  ["enter", ["Enter", "F2"]],
  ["homeEnd", ["Home", "End", "Ctrl+Home", "Ctrl+End"]],
  ["page", ["PageUp", "PageDown"]],
  ["tabOut", ["Tab", "Shift+Tab", "Esc"]],
  ["skip", ["Tab"]],
] as const;

/** The in-app shortcut sheet, generated from the keymap itself, for the current role. */
export function ShortcutSheet({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation(["grid", "a11y", "tm"]);
  return (
    <Dialog title={t("grid:shortcutsTitle")} onClose={onClose} testId="shortcut-sheet">
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.filter((s) => !s.role || s.role === role).map((s) => (
            <tr key={`${s.command}-${s.role ?? ""}`}>
              <td>{t(`grid:command.${s.command}`)}</td>
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
      <h3 className="shortcut-subhead">{t("tm:keys.title")}</h3>
      <table className="shortcut-table" data-testid="shortcut-tm">
        <tbody>
          {TM_SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>{t(`tm:keys.${s.id}`)}</td>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && " "}
                    {k === "…" ? k : <kbd>{k}</kbd>}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="shortcut-subhead">{t("a11y:nav.title")}</h3>
      <table className="shortcut-table" data-testid="shortcut-nav">
        <tbody>
          {NAVIGATION.map(([key, keys]) => (
            <tr key={key}>
              <td>{t(`a11y:nav.${key}`)}</td>
              <td>
                {keys.map((k, i) => (
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
