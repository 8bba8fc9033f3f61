import http from "node:http";

/** A server's answer: status, Content-Type, all headers and the body as text. */
export interface RawAnswer {
  status: number;
  type: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * GETs `rawPath` from the server at `serverUrl` as written (not normalised the way `fetch`
 * would). With `headers`, sends exactly those (no Host unless given), as a forged request would.
 */
export function requestRaw(serverUrl: string, rawPath: string, headers?: Record<string, string>): Promise<RawAnswer> {
  const { hostname, port } = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method: "GET", agent: false, ...(headers ? { setHost: false, headers } : {}) }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}
