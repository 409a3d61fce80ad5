import { useDb } from "../../db/db-context.ts";
import { useRevisions } from "../../db/hooks.ts";
import { restoreRevision, setStatus } from "../../db/operations/review.ts";
import { addComment, setThreadResolved } from "../../db/operations/comments.ts";
import { translationId, type CommentRecord } from "../../core/model/records.ts";
import type { Profile } from "../../core/model/profile.ts";
import type { CellRef } from "./cells/target-cell.tsx";
import { SidePanel } from "./side-panel.tsx";
import { CommentsPanel } from "./comments-panel.tsx";
import { HistoryPanel } from "./history-panel.tsx";
import { AlternativeToggle } from "./alternative-toggle.tsx";

export type Panel = "comments" | "history";

/** The side panel of the active cell: its comment thread (and the reject form) or its history. */
export function CellDetails({
  panel,
  cell,
  thread,
  rejecting,
  user,
  run,
  onPanel,
  onClose,
  onRejected,
}: {
  panel: Panel;
  cell: CellRef;
  thread: readonly CommentRecord[];
  rejecting: boolean;
  user: Profile;
  run: (task: () => Promise<unknown>) => Promise<boolean>;
  onPanel: (panel: Panel) => void;
  onClose: () => void;
  onRejected: () => void;
}) {
  const db = useDb();
  const revisions = useRevisions(
    panel === "history" ? (cell.cellId ?? translationId(cell.segmentId, cell.lang)) : null,
  );
  const target = { segmentId: cell.segmentId, lang: cell.lang };
  return (
    <SidePanel panel={panel} cell={cell} onPanel={onPanel} onClose={onClose}>
      {panel === "comments" ? (
        <CommentsPanel
          comments={thread}
          rejecting={rejecting}
          onAdd={(text) => run(() => addComment(db, { ...target, author: user.name, text }))}
          onReject={(text) =>
            run(async () => {
              await setStatus(db, {
                changes: [target],
                action: "reject",
                user: user.name,
                role: user.role,
                comment: text,
              });
              onRejected();
            })
          }
          onResolve={(resolved) =>
            run(() => setThreadResolved(db, cell.segmentId, cell.lang, resolved, user.name))
          }
          onCancelReject={onRejected}
        />
      ) : (
        <>
          <AlternativeToggle cell={cell} user={user.name} run={run} />
          <HistoryPanel
            revisions={revisions ?? []}
            onRestore={(id) => void run(() => restoreRevision(db, id, user.name))}
          />
        </>
      )}
    </SidePanel>
  );
}
