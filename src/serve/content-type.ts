import { toPublishedType } from "../model/asset-policy.ts";

// The book's own files (pages, stylesheet, scripts, feed, search index), then the published asset
// types (see `toPublishedType`); assets never reach the first group, which `publishAsset` refuses.
const types: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  ico: "image/x-icon",
  mp4: "video/mp4",
  webm: "video/webm",
  ogg: "audio/ogg",
  ogv: "video/ogg",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  m4a: "audio/mp4",
  mov: "video/quicktime",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  tsv: "text/tab-separated-values; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

/**
 * The `Content-Type` for an output path, from its extension; a published text or source file
 * (`.toml`, `.py`) is plain text, so the browser shows it; anything else is sent as bytes.
 */
export function toContentType(file: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? "";
  if (Object.hasOwn(types, ext)) return types[ext]!;
  return toPublishedType(file)?.family === "text" ? "text/plain; charset=utf-8" : "application/octet-stream";
}
