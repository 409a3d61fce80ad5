/**
 * Selaras' own term data categories in TBX (`<termNote type="…">`): TBX-Basic has none for how a
 * CAT tool should recognise a term, so they are written with an `x-selaras-` type that other tools
 * ignore. `x-selaras-exactOnly` holds "true"; each `x-selaras-variant` holds one variant.
 */
export const SELARAS_EXACT_ONLY = "x-selaras-exactOnly";
export const SELARAS_VARIANT = "x-selaras-variant";
