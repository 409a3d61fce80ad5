import { liveQuery } from "dexie";
import type { SelarasDb } from "../database.ts";
import type { GlossaryConcept } from "../../core/glossary/model.ts";

interface Watch {
  concepts: GlossaryConcept[] | undefined;
  listeners: Set<() => void>;
  stop: (() => void) | null;
}

const watches = new WeakMap<SelarasDb, Watch>();

function watchOf(db: SelarasDb): Watch {
  let w = watches.get(db);
  if (!w) watches.set(db, (w = { concepts: undefined, listeners: new Set(), stop: null }));
  return w;
}

/**
 * The project glossary as one shared live value per database (for the grid's source cells, many
 * at once: one query for all of them). `subscribe` starts the live query with its first listener
 * and stops it with its last; `current` is undefined until it has answered.
 */
export function glossaryWatch(db: SelarasDb) {
  const w = watchOf(db);
  return {
    current: (): GlossaryConcept[] | undefined => w.concepts,
    subscribe: (listener: () => void): (() => void) => {
      w.listeners.add(listener);
      if (!w.stop) {
        const sub = liveQuery(() => db.glossary.toArray()).subscribe({
          next: (concepts) => {
            w.concepts = concepts;
            for (const l of w.listeners) l();
          },
          error: () => undefined,
        });
        w.stop = () => sub.unsubscribe();
      }
      return () => {
        w.listeners.delete(listener);
        if (w.listeners.size === 0 && w.stop) {
          w.stop();
          w.stop = null;
          w.concepts = undefined;
        }
      };
    },
  };
}
