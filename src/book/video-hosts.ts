import type { VideoHostName } from "../model/config.ts";

/** A video the book can embed: where it plays in a frame, and the host's name for people. */
export interface Video {
  host: VideoHostName;
  label: string;
  embedUrl: string;
}

interface VideoHost {
  label: string;
  /** A word every address of the host holds, tested before the address is parsed: most links are to no video host. */
  named: RegExp;
  /** The video's id from a URL of this host (watch, share, short or embed form), or null. */
  toId(url: URL): string | null;
  toEmbedUrl(id: string): string;
}

const id = /^[\w-]{1,64}$/;
const pick = (value: string | undefined | null): string | null => (value && id.test(value) ? value : null);

// Embed addresses that set no tracking cookie until the video plays, where the host has one.
const hosts: Record<VideoHostName, VideoHost> = {
  youtube: {
    label: "YouTube",
    named: /youtu/i,
    toId(url) {
      const host = url.hostname.replace(/^(www|m)\./, "");
      if (host === "youtu.be") return pick(url.pathname.split("/")[1]);
      if (host !== "youtube.com" && host !== "youtube-nocookie.com") return null;
      if (url.pathname === "/watch") return pick(url.searchParams.get("v"));
      const [, kind, value] = url.pathname.split("/");
      return kind === "embed" || kind === "shorts" || kind === "live" ? pick(value) : null;
    },
    toEmbedUrl: (video) => `https://www.youtube-nocookie.com/embed/${video}?autoplay=1`,
  },
  vimeo: {
    label: "Vimeo",
    named: /vimeo/i,
    toId(url) {
      const host = url.hostname.replace(/^www\./, "");
      const parts = url.pathname.split("/");
      const value = host === "vimeo.com" ? parts[1] : host === "player.vimeo.com" && parts[1] === "video" ? parts[2] : undefined;
      return value && /^\d+$/.test(value) ? value : null;
    },
    toEmbedUrl: (video) => `https://player.vimeo.com/video/${video}?dnt=1&autoplay=1`,
  },
  loom: {
    label: "Loom",
    named: /loom/i,
    toId(url) {
      if (url.hostname.replace(/^www\./, "") !== "loom.com") return null;
      const [, kind, value] = url.pathname.split("/");
      return kind === "share" || kind === "embed" ? pick(value) : null;
    },
    toEmbedUrl: (video) => `https://www.loom.com/embed/${video}?autoplay=1`,
  },
};

/** The video an address points at, on one of `enabled` hosts; null for any other address. */
export function toVideo(href: string, enabled: readonly VideoHostName[]): Video | null {
  if (!enabled.some((name) => hosts[name].named.test(href))) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  for (const name of enabled) {
    const found = hosts[name].toId(url);
    if (found !== null) return { host: name, label: hosts[name].label, embedUrl: hosts[name].toEmbedUrl(found) };
  }
  return null;
}
