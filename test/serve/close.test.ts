import assert from "node:assert/strict";
import http from "node:http";
import { test } from "node:test";
import { startServer } from "../../src/serve/start-server.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";

/** Handles that would keep the process alive: servers, sockets, file watchers, timers. */
function liveHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => /TCP|FSEvent|StatWatcher|Timeout/.test(r));
}

test("close() ends reload streams and leaves no server, socket or watcher open", async () => {
  const root = await copyToTemp(examplesDir);
  const baseline = liveHandles();
  const server = await startServer({ root, port: 0 });
  const { port } = new URL(server.url);
  const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get({ hostname: "127.0.0.1", port, path: "/__rfckit/reload", agent: false }, resolve).on("error", reject);
  });
  assert.equal(stream.statusCode, 200);
  assert.ok(liveHandles().length > baseline.length, "the server and the watcher hold handles while running");
  // The client's socket closes when the server ends the stream and drops the connection.
  const ended = new Promise<void>((resolve) => stream.socket.on("close", () => resolve()));
  stream.resume();
  await server.close();
  await ended;
  // Sockets are released on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(liveHandles(), baseline);
  await assert.rejects(fetch(server.url), "nothing listens after close()");
});
