/**
 * Blanks out comments in JS/TS source while keeping every other character, and every
 * newline, where it was, so that a checker's line and column numbers stay true.
 * Strings, template literals and regular expression literals are skipped over (a
 * `//` inside them is not a comment) but kept verbatim.
 *
 * It is a small lexer, not a parser: where JS is ambiguous (is `/` a division or a
 * regex?) it guesses from the previous token, and a wrong guess only ever affects the
 * rest of one line. It is meant for our own sources; bundles are scanned raw.
 */

// After these, a `/` starts a regular expression rather than a division.
const REGEX_AFTER_CHARS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_WORDS = new Set([
  'return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'instanceof', 'yield', 'await',
]);

const isIdent = (c: string | undefined): boolean => c !== undefined && /[\w$]/.test(c);

export const stripComments = (text: string, options: { strings?: boolean } = {}): string => {
  const out = text.split('');
  const n = text.length;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  // With `strings`, literal text is blanked too (quotes and `${}` code stay).
  const blankText = (from: number, to: number) => {
    if (options.strings) blank(from, to);
  };

  // Brace depths at which an open `${` of a template literal will close.
  const templates: number[] = [];
  let depth = 0;
  let prev = ''; // last significant character outside comments
  let prevWord = '';

  /** Scans template text from i (just after ` or }) to the closing ` or an opening ${. */
  const templateBody = (start: number): number => {
    let i = start;
    while (i < n) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        blankText(start, i);
        return i + 1;
      } else if (c === '$' && text[i + 1] === '{') {
        blankText(start, i);
        templates.push(depth);
        depth++;
        return i + 2;
      } else i++;
    }
    blankText(start, n);
    return n;
  };

  const regexAllowed = (): boolean =>
    prev === '' || prev === '}' || REGEX_AFTER_CHARS.has(prev) || REGEX_AFTER_WORDS.has(prevWord);

  let i = 0;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];

    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      blankText(i + 1, Math.min(j, n));
      i = j + 1;
      prev = c;
      prevWord = '';
      continue;
    }
    if (c === '`') {
      i = templateBody(i + 1);
      prev = '`';
      prevWord = '';
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < n && text[j] !== '\n') {
        const r = text[j];
        if (r === '\\') j += 2;
        else if (r === '[') (inClass = true), j++;
        else if (r === ']') (inClass = false), j++;
        else if (r === '/' && !inClass) break;
        else j++;
      }
      if (j < n && text[j] === '/') {
        j++;
        while (isIdent(text[j])) j++;
        i = j;
        prev = 'x'; // a regex literal is a value, like an identifier
        prevWord = '';
        continue;
      }
      // No closing slash on this line: it was a division after all.
    }
    if (c === '{') depth++;
    if (c === '}') {
      if (templates.length > 0 && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        i = templateBody(i + 1);
        prev = '`';
        prevWord = '';
        continue;
      }
      depth = Math.max(0, depth - 1);
    }
    if (isIdent(c)) {
      let j = i;
      while (isIdent(text[j])) j++;
      prevWord = text.slice(i, j);
      prev = 'x';
      i = j;
      continue;
    }
    if (!/\s/.test(c)) {
      prev = c;
      prevWord = '';
    }
    i++;
  }
  return out.join('');
};

/** CSS has only block comments; `//` is a URL there, never a comment. */
export const stripCssComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\r\n]/g, ' '));

export const stripHtmlComments = (text: string): string =>
  text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\r\n]/g, ' '));
