// Wording shared by every report: counts with their noun, indented blocks,
// lines cut to a width.

/** The widest line a report writes before cutting it with `…`. */
export const LINE_WIDTH = 200;

/** `1 call`, `2 calls`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every non-empty line of `text` indented by `by`. */
export const indent = (text: string, by = '  '): string => text.replace(/^(?=.)/gm, by);

/** `line` cut to `width` characters with `…`. */
export const cut = (line: string, width: number = LINE_WIDTH): string => (line.length > width ? `${line.slice(0, width - 1)}…` : line);
