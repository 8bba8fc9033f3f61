import type { VideoHostName } from "../../model/config.ts";

/** What the book's markdown-it plugins read for one page; passed as markdown-it's `env`. */
export interface RenderEnv {
  /** Heading ids by 1-based source line, from the model, so `#anchors` match `rfc check`. */
  slugByLine: ReadonlyMap<number, string>;
  /** Heading ids handed out so far, for headings the model does not know. */
  seen: Map<string, number>;
  /** mdBook's heading ids handed out so far (the page's title first), numbered as mdBook numbers them. */
  mdBookSeen: Map<string, number>;
  /** The ids the page's headings have, so a second id from mdBook never repeats one of them. */
  pageIds: ReadonlySet<string>;
  /** Turns a link or image target as written into the URL the book uses. */
  resolveLink(href: string, kind: "link" | "image"): string;
  /** Hosts whose videos become click-to-play players (`[rfckit] video-hosts`). */
  videoHosts: readonly VideoHostName[];
  /** Hosts whose images load with the page (`[rfckit] image-hosts`); images from others wait for a click. */
  imageHosts: readonly string[];
}

/** Reads the page's env from what markdown-it passes around, typed. */
export function readEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}
