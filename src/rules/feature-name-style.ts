// A template whose example name is kebab-case (`my-awesome-feature`) asks for kebab-case names.
const kebabPlaceholder = /(?:^|[\s`(])[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)+(?:$|[\s`),.])/u;

/** Whether the template's Feature Name placeholder writes names in kebab-case (`my-awesome-feature`), not as identifiers. */
export function asksForKebabCase(placeholder: string | undefined): boolean {
  return placeholder !== undefined && kebabPlaceholder.test(placeholder);
}

/**
 * A feature name made of an RFC's file name (`default-object-bound` → `default_object_bound`), as
 * the template writes names; null where the name has no words to make one of.
 */
export function toFeatureName(slug: string, placeholder: string | undefined): string | null {
  const words = slug.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const joined = words.join(asksForKebabCase(placeholder) ? "-" : "_");
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}
