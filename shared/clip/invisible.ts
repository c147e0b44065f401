// Invisible and reordering characters in untrusted text: control characters (NUL …), lone surrogates and
// bidirectional overrides (U+202E can make "gpj.exe" read "exe.jpg") are neutralized before a cell sees them.
// Unicode TR #9 (bidi embeddings, overrides, isolates) and TR #36 §2.4 (invisible characters) name them.

// C0 and C1 controls, except tab, LF and CR which multi-line clip text may hold.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS_KEEPING_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// Embeddings and overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI), the BOM / zero-width
// no-break space, zero-width space, word joiner and invisible operators. ZWJ/ZWNJ stay: emoji and
// several scripts need them.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\ufeff\u200b\u2060-\u2064\u206a-\u206f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface Neutralized {
  text: string;
  /** True when anything was removed or replaced. */
  changed: boolean;
}

/**
 * Removes controls and invisible formatting characters; a lone surrogate becomes U+FFFD (the
 * replacement character), so the text stays well-formed UTF-16. `multiline` keeps tab, LF and CR.
 */
export function neutralizeInvisible(text: string, multiline = false): Neutralized {
  const cleaned = text
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(multiline ? CONTROLS_KEEPING_LINES : CONTROLS, "")
    .replace(INVISIBLE, "");
  return { text: cleaned, changed: cleaned !== text };
}
