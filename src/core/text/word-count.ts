/** Words as translators count them: runs of letters, marks and numbers (joined by ' - . , inside). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{M}\p{N}]+(?:['’\-.,][\p{L}\p{M}\p{N}]+)*/gu)?.length ?? 0;
}
