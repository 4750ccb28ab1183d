import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { FONT_FAMILY } from './print-document';

/**
 * The shipped font: Noto Sans SC (SIL OFL 1.1) from @fontsource, split by unicode-range so
 * a printout loads only the slices it uses. Printouts then look the same on every machine,
 * whatever fonts it has. `baseUrl` is where the platform serves the font files from.
 */
export const FONT_WEIGHTS = [400, 700] as const;

export const fontPackageDir = (): string =>
  dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));

/** Rewrites the package's CSS to our family name and to woff2 files under `baseUrl`. */
export function fontFaceCss(baseUrl: string, readCss: (weight: number) => string): string {
  const base = baseUrl.replace(/\/$/, '');
  return FONT_WEIGHTS.map((w) =>
    readCss(w)
      .replace(/font-family:\s*'[^']*'/g, `font-family: '${FONT_FAMILY}'`)
      // Printing must wait for the real glyphs, never print a fallback font.
      .replace(/font-display:\s*swap/g, 'font-display: block')
      .replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)[^;]*;/g, (_m, file: string) => `src: url(${base}/${file}) format('woff2');`),
  ).join('\n');
}
