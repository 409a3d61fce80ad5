import { createContext, useContext } from "react";
import type { SelarasDb } from "./database.ts";

export const DbContext = createContext<SelarasDb | null>(null);

export function useDb(): SelarasDb {
  const db = useContext(DbContext);
  if (!db) throw new Error("useDb outside <DbContext.Provider>");
  return db;
}
