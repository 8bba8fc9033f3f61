// Added to every page only while `rfc serve` runs: listens for the server's rebuilds on a
// Server-Sent Events stream and reloads the page. EventSource reconnects by itself when the
// server restarts, so a page left open picks the book up again.

/** The stream `rfc serve` sends `{ "type": "reload" }` on after each rebuild. */
const endpoint = "/__rfckit/reload";

const source = new EventSource(endpoint);
source.addEventListener("message", (event: MessageEvent<string>) => {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return;
  }
  if (typeof data === "object" && data !== null && (data as { type?: unknown }).type === "reload") location.reload();
});
