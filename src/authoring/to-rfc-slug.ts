/**
 * The file-name slug for an RFC titled `title`: lower-case ASCII letters and digits, words joined
 * by `-` (`"Remote Build Cache!"` → `remote-build-cache`). Accents are dropped rather than the
 * letters they sit on (`Café` → `cafe`). Null when the title has no letter or digit to keep.
 */
export function toRfcSlug(title: string): string | null {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    // An apostrophe joins a word rather than splitting it: "Don't" is one word, not "don" and "t".
    .replace(/['\u2019]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length === 0 ? null : words.join("-");
}

/**
 * The feature identifier for a slug: its words joined by `_` (`remote-build-cache` →
 * `remote_build_cache`). An identifier cannot start with a digit, so `2fa-login` gets a leading
 * `_`, as the `feature-name` rule suggests for such names.
 */
export function toFeatureIdent(slug: string): string {
  const ident = slug.replace(/-/g, "_");
  return /^[0-9]/.test(ident) ? `_${ident}` : ident;
}

const identPattern = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** True when `name` is an identifier the `feature-name` rule accepts: letters, digits and `_`, not starting with a digit. */
export function isFeatureIdent(name: string): boolean {
  return identPattern.test(name);
}
