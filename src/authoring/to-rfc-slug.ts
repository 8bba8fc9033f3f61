import anyAscii from "any-ascii";

/**
 * The file-name slug for an RFC titled `title`: lower-case ASCII letters and digits, words joined
 * by `-` (`"Remote Build Cache!"` → `remote-build-cache`), at most `maxSlugLength` characters of
 * whole words. Other scripts are transliterated (`Кэш сборки` → `kesh-sborki`, `Größe` →
 * `grosse`, `Café` → `cafe`) by any-ascii; emoji are left out. Null when nothing is left.
 */
export function toRfcSlug(title: string): string | null {
  const words = anyAscii(title.replace(/\p{Extended_Pictographic}/gu, ""))
    // An apostrophe joins a word rather than splitting it: "Don't" is one word, not "don" and "t".
    .replace(/['\u2019]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  // Whole words up to the length a file name can carry on every system with room to spare (a
  // name is at most 255 bytes): the title itself goes into the file whole.
  let slug = words[0]!.slice(0, maxSlugLength);
  for (const word of words.slice(1)) {
    if (slug.length + 1 + word.length > maxSlugLength) break;
    slug += `-${word}`;
  }
  return slug;
}

/** The longest slug `toRfcSlug` makes: long enough for any real title's words, far below 255 bytes. */
export const maxSlugLength = 80;

/**
 * The feature identifier for a slug: its words joined by `_` (`remote-build-cache` →
 * `remote_build_cache`). An identifier cannot start with a digit, so `2fa-login` gets a leading
 * `_`, as the `feature-name` rule suggests for such names.
 */
export function toFeatureIdent(slug: string): string {
  const ident = slug.replace(/-/g, "_");
  return /^[0-9]/.test(ident) ? `_${ident}` : ident;
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `slug` is one `toRfcSlug` could make: lower-case ASCII words joined by `-`, at most `maxSlugLength` long. */
export function isRfcSlug(slug: string): boolean {
  return slug.length <= maxSlugLength && slugPattern.test(slug);
}

const identPattern = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** True when `name` is an identifier the `feature-name` rule accepts: letters, digits and `_`, not starting with a digit. */
export function isFeatureIdent(name: string): boolean {
  return identPattern.test(name);
}
