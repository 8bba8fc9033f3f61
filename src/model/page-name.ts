/** The longest file name, in bytes, that common file systems (ext4, APFS, NTFS) take. */
export const maxNameBytes = 255;

/**
 * The length in bytes of the name of an RFC's book page (`0042-x.html` for `0042-x.md`), or null
 * when it fits: a longer name cannot be written, so the book leaves that page out and
 * `file-name` reports it.
 */
export function pageNameOverflow(rfcPath: string): number | null {
  const name = rfcPath.slice(rfcPath.lastIndexOf("/") + 1).replace(/\.md$/i, ".html");
  const bytes = new TextEncoder().encode(name).length;
  return bytes > maxNameBytes ? bytes : null;
}
