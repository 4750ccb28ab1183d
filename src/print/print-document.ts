import { highestLevel, LEVEL_LABELS, type Level } from '../ledger/classification/levels';
import { formatMarking, type Term } from '../ledger/classification/term';

/**
 * The one print machinery every register uses: a pure function from rows to an A4 HTML
 * document. Page furniture lives in CSS @page margin boxes, so it repeats on every page in
 * the print dialog and in printToPDF alike: the marking (R-05, highest level of the
 * printed rows) at the top and bottom, the unit, `第 x 页 共 y 页`, the print time and the
 * audit chain head. `thead` repeats the column headers on each page.
 */
export interface RegisterColumn<Row> {
  header: string;
  /** Relative width; signature columns get room for a handwritten name. */
  width: number;
  value?: (row: Row, index: number) => string;
  /** A column left empty for a handwritten signature. */
  signature?: boolean;
}

export interface RegisterDefinition<Row> {
  title: string;
  orientation: 'portrait' | 'landscape';
  columns: RegisterColumn<Row>[];
  level: (row: Row) => Level;
  /** Body type size in points; registers with many columns print smaller (default 9). */
  fontPt?: number;
}

export interface PrintContext {
  unitName: string;
  /** ISO timestamp of printing, shown in local form. */
  printedAt: string;
  chainHead: { seq: number; shortHash: string };
  /** `@font-face` rules for the shipped CJK font, with URLs the platform can load. */
  fontCss: string;
  /** What was selected, e.g. `2026-11-01 至 2026-11-30`. */
  scope: string;
  /**
   * The term a printout of this level is registered with (R-02 marks 密级★期限): the paper
   * and its ledger entry must say the same. Without it the marking is the level alone.
   */
  markingTerm?: (level: Level) => Term | null;
}

export const FONT_FAMILY = 'Baomi Noto Sans SC';

/**
 * Run in the print document before printing. Margin boxes are laid out only while
 * printing, so `document.fonts.ready` cannot know which slices of the font they need, and
 * a slice still loading prints as blank space. Loading every face of the shipped family
 * (local files, a few MB) makes every glyph present. Resolves to the number of faces loaded.
 */
export const PRELOAD_FONTS_SCRIPT = `(async () => {
  await document.fonts.ready;
  const faces = Array.from(document.fonts).filter((f) => f.family.replace(/["']/g, '') === ${JSON.stringify(FONT_FAMILY)});
  await Promise.all(faces.map((f) => f.load()));
  return faces.filter((f) => f.status === 'loaded').length;
})()`;
const BLANK_ROWS = 18;

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * CSS strings in `content:` need their own escaping; a control character would end the
 * string and `<` could close the <style> element (`</style>` in a unit name).
 */
const cssString = (s: string): string =>
  `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/</g, '\\3c ')}"`;

export const formatPrintTime = (iso: string): string => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

export function documentMarking(levels: Iterable<Level>, term?: (level: Level) => Term | null): { level: Level | null; marking: string } {
  const level = highestLevel(levels);
  if (!level) return { level, marking: '密级：＿＿＿＿' };
  return { level, marking: term ? formatMarking(level, term(level)) : LEVEL_LABELS[level] };
}

export function renderRegister<Row>(
  def: RegisterDefinition<Row>,
  rows: Row[],
  ctx: PrintContext,
  opts: { blank?: boolean; fillIn?: boolean; signatures?: { label: string; name: string }[] } = {},
): { html: string; level: Level | null; marking: string } {
  // A form to fill in by hand (blank, or with its items but no answers) gets a marking line.
  const { level, marking } = documentMarking(opts.blank || opts.fillIn ? [] : rows.map(def.level), ctx.markingTerm);
  const total = def.columns.reduce((s, c) => s + c.width, 0);
  const colgroup = def.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('');
  const head = def.columns.map((c) => `<th>${esc(c.header)}</th>`).join('');
  const body = opts.blank
    ? Array.from({ length: BLANK_ROWS }, () => `<tr class="blank">${def.columns.map(() => '<td></td>').join('')}</tr>`).join('')
    : rows
        .map(
          (r, i) =>
            `<tr>${def.columns
              .map((c) => (c.signature ? '<td class="sig"></td>' : `<td>${esc(c.value?.(r, i) ?? '')}</td>`))
              .join('')}</tr>`,
        )
        .join('');
  const footLeft = `打印时间 ${formatPrintTime(ctx.printedAt)}　审计链 #${ctx.chainHead.seq} ${ctx.chainHead.shortHash}`;
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self' file: app: data:">
<title>${esc(def.title)}</title>
<style>
${ctx.fontCss}
@page {
  size: A4 ${def.orientation};
  margin: 20mm 12mm 18mm 12mm;
  @top-left { content: ${cssString(ctx.unitName)}; font: 9pt '${FONT_FAMILY}'; }
  @top-center { content: ${cssString(marking)}; font: 700 14pt '${FONT_FAMILY}'; }
  @top-right { content: ${cssString(def.title)}; font: 9pt '${FONT_FAMILY}'; }
  @bottom-left { content: ${cssString(footLeft)}; font: 8pt '${FONT_FAMILY}'; }
  @bottom-center { content: ${cssString(marking)}; font: 700 12pt '${FONT_FAMILY}'; }
  @bottom-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 9pt '${FONT_FAMILY}'; }
}
html { font-family: '${FONT_FAMILY}', sans-serif; font-size: ${def.fontPt ?? 9}pt; color: #000; }
body { margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; letter-spacing: 2pt; }
.meta { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 0.8mm; vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 700; background: #eee; text-align: center; }
td.sig { height: 8mm; }
tr.blank td { height: 9mm; }
.empty { text-align: center; padding: 6mm; }
.signatures { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10pt; break-inside: avoid; }
.signatures u { text-decoration: none; border-bottom: 0.6pt solid #000; padding: 0 2mm; }
</style></head>
<body>
<h1>${esc(def.title)}</h1>
<div class="meta"><span>单位：${esc(ctx.unitName)}</span><span>${esc(ctx.scope)}</span><span>共 ${opts.blank ? '　' : rows.length} 条</span></div>
<table><colgroup>${colgroup}</colgroup><thead><tr>${head}</tr></thead>
<tbody>${body || `<tr><td class="empty" colspan="${def.columns.length}">所选范围内无记录</td></tr>`}</tbody></table>
${opts.signatures?.length ? `<div class="signatures">${opts.signatures.map((s) => `<span>${esc(s.label)}：<u>${esc(s.name) || '　'.repeat(8)}</u>　日期：<u>${'　'.repeat(6)}</u></span>`).join('')}</div>` : ''}
</body></html>`;
  return { html, level, marking };
}
