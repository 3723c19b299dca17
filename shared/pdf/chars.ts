/** Character classes for Chinese line breaking (禁则) and width. */

/** Marks that must not start a line (行首禁则). */
export const CLOSING = new Set(Array.from('。，、；：？！）》」』】〕〉〗”’％‰℃…·,.;:?!)]}%'));
/** Marks that must not end a line (行尾禁则). */
export const OPENING = new Set(Array.from('（《「『【〔〈〖“‘([{'));
/** Closing marks whose glyph ink sits in the left half of the em, so the right half may be squeezed. */
export const SQUEEZE_RIGHT = new Set(Array.from('。，、；：）》」』】〕〉〗”’'));
/** Opening marks whose ink sits in the right half: squeezed by moving the glyph left. */
export const SQUEEZE_LEFT = new Set(Array.from('（《「『【〔〈〖“‘'));

export const isClosing = (ch: string): boolean => CLOSING.has(ch);
export const isOpening = (ch: string): boolean => OPENING.has(ch);
export const isSqueezable = (ch: string): boolean => SQUEEZE_RIGHT.has(ch) || SQUEEZE_LEFT.has(ch);

/** Half-width characters (ASCII letters, digits, ASCII punctuation and space) take their font advance, not a cell. */
export function isHalfWidth(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    cp < 0x2e80 &&
    !(cp >= 0x2010 && cp <= 0x2027) &&
    !(cp >= 0x2030 && cp <= 0x2033) &&
    cp !== 0x00b7 &&
    cp !== 0x2103
  );
}

/** Letters and digits that form one unbreakable word (a number, a Latin word, "3.5%"). */
export const isWordChar = (ch: string): boolean => /^[A-Za-z0-9._%/+\-@#&'~]$/.test(ch);

/** Dashes and ellipses come in pairs that must never be split across lines. */
export const PAIRED = new Set(['—', '…']);
