// ANSI colour for reports written to a terminal. Messages themselves stay
// plain; colour is added only where pook knows the destination is a TTY:
// `util.inspect(error, { colors: true })` (what Node uses for an uncaught
// error on a terminal, and `console.log` on one) and the debug log on a
// colour-capable stderr.

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

const CODES: Readonly<Record<Style, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Wraps `text` in the ANSI codes of `style`. */
export function paint(style: Style, text: string): string {
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

/**
 * Colours a plain report line by line: the headline and section titles in
 * bold, ✓ green, ✗ red, definition sites and `· … not evaluated` lines dimmed.
 */
export function colourReport(text: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      if (index === 0 || /^[A-Z][\w ,()';.-]*:$/.test(line) || /^[A-Z][\w ]*\(.*\):$/.test(line)) return paint('bold', line);
      const mark = /^(\s*)([✓✗])( .*)?$/.exec(line);
      if (mark !== null) {
        const [, lead = '', glyph = '', rest = ''] = mark;
        return glyph === '✓' ? `${lead}${paint('green', glyph)}${paint('dim', rest)}` : `${lead}${paint('red', glyph + rest)}`;
      }
      if (/^\s*· .*: not evaluated$/.test(line)) return paint('dim', line);
      return line
        .replace(/(defined at \S+)/, (site) => paint('dim', site))
        .replace(/^(\s*\d+\. )(.*?)( — )/, (_, n: string, label: string, dash: string) => `${n}${paint('bold', label)}${dash}`);
    })
    .join('\n');
}

/**
 * Whether a stream should get colour: only a TTY, and only when it says it
 * supports colour (Node's `hasColors()` honours NO_COLOR, FORCE_COLOR and TERM).
 */
export function wantsColour(stream: { readonly isTTY?: boolean; hasColors?: () => boolean }): boolean {
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors();
}
