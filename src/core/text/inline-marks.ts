/**
 * Inline-code placeholders inside segment text (core/format/tmx/inline-codes.ts writes and reads
 * them): CODE_START + the code's markup + CODE_END, both private-use characters.
 */
export const CODE_START = "\uE000";
export const CODE_END = "\uE001";

/** One whole placeholder (for `match` and `replace`; global, so not for `test`/`exec` loops). */
export const PLACEHOLDER = new RegExp(`${CODE_START}[^${CODE_START}${CODE_END}]*${CODE_END}`, "gu");
