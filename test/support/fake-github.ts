import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after } from "node:test";

/** A review as GitHub's REST API returns it (the fields rfckit reads, and an id). */
export interface ApiReview {
  id: number;
  user: { login: string } | null;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  submitted_at?: string;
}

/** What the fake answers: the reviews of each pull request (`owner/repo#n`), or a fixed error. */
export interface FakeGitHubOptions {
  reviews?: Record<string, ApiReview[]>;
  /** Reviews per page, for Link-header pagination (default 100, or `per_page` if smaller). */
  pageSize?: number;
  /** Answer every request with this status and a GitHub-style error body. */
  fail?: { status: number; message: string };
}

/** A local stand-in for api.github.com; `requests` records what was asked, with the Authorization header. */
export interface FakeGitHub {
  url: string;
  requests: { path: string; authorization: string | undefined }[];
}

/**
 * Serves `GET /repos/{owner}/{repo}/pulls/{n}/reviews` on 127.0.0.1 (a random port) as the REST API
 * documents it: a JSON array, pages linked by a `Link` header with absolute URLs. Closed after the file.
 */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: FakeGitHub["requests"] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    requests.push({ path: `${url.pathname}${url.search}`, authorization: header(req, "authorization") });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(body));
    };
    if (options.fail) return json(options.fail.status, { message: options.fail.message, documentation_url: "https://docs.github.com/rest" });
    const m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews$/.exec(url.pathname);
    const all = m ? options.reviews?.[`${m[1]}/${m[2]}#${m[3]}`] : undefined;
    if (!all) return json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30), options.pageSize ?? 100);
    const page = Number(url.searchParams.get("page") ?? 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number) => {
      const next = new URL(url);
      next.searchParams.set("page", String(p));
      return `<${next.href}>`;
    };
    const links = [...(page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : []), ...(page > 1 ? [`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`] : [])];
    json(200, all.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(", ") } : {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; without this, close() would wait for them.
        server.closeAllConnections();
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

/** The URL of a port on 127.0.0.1 that nothing listens on: opened, then closed before use. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A review by `login` in `state`, submitted on the given day of January 2026 at noon. */
export function review(id: number, login: string, state: ApiReview["state"], day: number): ApiReview {
  return { id, user: { login }, state, submitted_at: `2026-01-${String(day).padStart(2, "0")}T12:00:00Z` };
}
