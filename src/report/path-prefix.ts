/** A root-relative path as GitHub wants it: relative to the git top-level (see `ReportContext.pathPrefix`). */
export function withPathPrefix(file: string, prefix: string | undefined): string {
  const clean = (prefix ?? "").replace(/\\/g, "/").replace(/^\.(\/|$)/, "").replace(/\/+$/, "");
  return clean === "" ? file : `${clean}/${file}`;
}
