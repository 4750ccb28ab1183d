/**
 * The register's HTML as shown in the on-screen preview. The document declares the
 * shipped font with @font-face URLs (file:// in development, app:// in the app); a frame
 * sandboxed without allow-same-origin has an opaque origin and may not load them
 * ("Not allowed to load local resource", or a CORS refusal under app://). The preview
 * therefore drops those rules and falls back to the system's CJK sans-serif; the printout
 * and the PDF are rendered by main with the shipped font.
 */
const FONT_FACE = /@font-face\s*\{[^}]*\}/g;

export const previewDocument = (html: string): string => html.replace(FONT_FACE, '');
