/**
 * GB/T 9704-2012 page geometry. Everything in the layout is in millimetres measured from the page's top-left
 * corner (as the standard states its distances); only the painter converts to PDF points (origin bottom-left).
 */
export const MM_PER_PT = 25.4 / 72;
export const PT_PER_MM = 72 / 25.4;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToMm = (pt: number): number => pt * MM_PER_PT;

/** A4, 4.1. */
export const PAGE_WIDTH_MM = 210;
export const PAGE_HEIGHT_MM = 297;

/** 5.2.1: 天头 37 mm ± 1, 订口 28 mm ± 1, 版心 156 × 225 mm. */
export const TYPE_TOP_MM = 37;
export const TYPE_LEFT_MM = 28;
export const TYPE_WIDTH_MM = 156;
export const TYPE_HEIGHT_MM = 225;
export const TYPE_BOTTOM_MM = TYPE_TOP_MM + TYPE_HEIGHT_MM;
export const TYPE_RIGHT_MM = TYPE_LEFT_MM + TYPE_WIDTH_MM;

/** 5.2.3: 22 lines × 28 characters fill the type area; pitches are derived from it, not from the font size. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE_PITCH_MM = TYPE_HEIGHT_MM / LINES_PER_PAGE;
export const CHAR_PITCH_MM = TYPE_WIDTH_MM / CHARS_PER_LINE;

/** Chinese type sizes (字号) in points. */
export const SIZE = {
  chuhao: 42,
  yihao: 26,
  erhao: 22,
  sanhao: 16,
  sihao: 14,
} as const;

/** 3号 em height in mm: the "一个汉字的高度" of the standard. */
export const BODY_EM_MM = ptToMm(SIZE.sanhao);

/** 7.2.4: the top edge of the 发文机关标志 (also the 纪要 mark) is 35 mm below the type-area top. */
export const MARK_TOP_FROM_TYPE_TOP_MM = 35;
/** 10.2: the 令 mark sits 20 mm below the type-area top. */
export const ORDER_MARK_TOP_FROM_TYPE_TOP_MM = 20;
/** 7.2.7: the red separator lies 4 mm below the 发文字号. */
export const SEPARATOR_GAP_MM = 4;
/** 7.5: the page-number line's top is 7 mm below the type-area bottom. */
export const PAGE_NUMBER_GAP_MM = 7;
/** 7.4.1: 版记 rules. */
export const BANJI_THICK_MM = 0.35;
export const BANJI_THIN_MM = 0.25;
/** 10.1 信函格式: mark top 30 mm from the page edge; red double lines 170 mm long, the lower 20 mm above the page bottom. */
export const LETTER_MARK_TOP_MM = 30;
export const LETTER_RULE_LENGTH_MM = 170;
export const LETTER_BOTTOM_RULE_FROM_BOTTOM_MM = 20;
/** The standard fixes neither weight of the 信函 double lines; these are the customary 武文线 values. */
export const LETTER_THICK_MM = 0.8;
export const LETTER_THIN_MM = 0.3;
export const LETTER_RULE_GAP_MM = 0.6;
/** Customary diameter of a government seal (4.2 cm). */
export const SEAL_DIAMETER_MM = 42;

/**
 * Where the glyph baseline sits below the em-box top, as a fraction of the size: CJK fonts put the
 * ideographic em box from +0.88 em to −0.12 em around the baseline.
 */
export const EM_ASCENT = 0.88;

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];
/** 5.2: red ink Y80 % M80 %, rendered as a deep red on screen. */
export const RED: Rgb = [0.9, 0.08, 0.08];
