import { useTranslation } from "react-i18next";
import type { SourceDiff } from "../../core/merge/source-diff.ts";

/**
 * What differs between a file's document and the local one with the same identity (issue 13 item
 * 5): segment counts, how many sources are the same, changed, only in the file or only here, and
 * a few examples, so the user sees it before choosing merge, copy or keep.
 */
export function CollisionSummary({ title, diff }: { title: string; diff: SourceDiff }) {
  const { t } = useTranslation("plans");
  const counts = [
    ["same", diff.same],
    ["changed", diff.changed],
    ["added", diff.added],
    ["removed", diff.removed],
  ] as const;
  return (
    <div className="collision" data-testid="import-tm-collision">
      <p>{t("collision.heading", { title })}</p>
      <p data-testid="collision-segments">
        {t("collision.segments", { file: diff.fileSegments, here: diff.localSegments })}
      </p>
      <dl className="collision-counts">
        {counts.map(([key, n]) => (
          <div key={key} data-testid={`collision-${key}`}>
            <dt>{t(`collision.${key}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {diff.examples.length > 0 && (
        <>
          <p className="collision-examples-title">{t("collision.examples")}</p>
          <ul className="collision-examples" data-testid="collision-examples">
            {diff.examples.map((e, i) => (
              <li key={i}>
                {e.kind === "changed"
                  ? t("collision.exampleChanged", { here: e.local, file: e.file })
                  : e.kind === "added"
                    ? t("collision.exampleAdded", { file: e.file })
                    : t("collision.exampleRemoved", { here: e.local })}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.same === 0 && diff.fileSegments > 0 && (
        <p className="hint" data-testid="collision-unrelated">
          {t("collision.unrelated")}
        </p>
      )}
    </div>
  );
}
