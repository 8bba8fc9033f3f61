import { isIP } from "node:net";
import { UserError } from "../errors.ts";
import { startServer, type ServeEvent } from "../serve/start-server.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";
import { openBrowser } from "./open-browser.ts";

export default defineCommand({
  name: "serve",
  description: "Build the book in memory, serve it (on 127.0.0.1 unless --host says otherwise), rebuild it when a file changes and reload open pages.",
  usage: "serve [options]",
  options: {
    port: { type: "string", description: "the port to listen on; 0 picks a free one (default: 3000)", valueName: "n" },
    host: { type: "string", description: "the address to listen on, e.g. 0.0.0.0 to let other machines read the book, drafts included (default: 127.0.0.1)", valueName: "address" },
    open: { type: "boolean", description: "open the book in the browser ($BROWSER, else the system's) once it is served" },
    root: rootOption,
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) {
      throw new UserError(`rfc serve takes no paths (got ${positionals.join(" ")}).`, { hint: "use --root <dir> for another repository." });
    }
    const portText = typeof values["port"] === "string" ? values["port"] : "3000";
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 0 && port <= 65535)) {
      throw new UserError(`--port must be a number from 0 to 65535 (got ${portText}).`, { hint: "pass --port 3000, or --port 0 for any free port." });
    }
    const root = typeof values["root"] === "string" ? values["root"] : undefined;
    const host = typeof values["host"] === "string" ? values["host"] : undefined;
    if (host !== undefined && !isIP(host) && host !== "localhost") throw new UserError(`--host must be an IP address such as 127.0.0.1 or 0.0.0.0, or localhost (got ${host}).`, { hint: "pass --host 0.0.0.0 to listen on every network, or leave it out for this machine only." });
    const server = await startServer({ root, cwd: io.cwd, port, host, onEvent: (event) => io.stderr.write(describe(event)) }).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new UserError(`Port ${port} is already in use.`, { hint: "pass another --port, or --port 0 for any free port." });
      if (code === "EADDRNOTAVAIL") throw new UserError(`--host ${host}: this machine has no such address.`, { hint: "pass one of this machine's addresses, 0.0.0.0 for all of them, or leave --host out." });
      throw error;
    });
    io.stdout.write(`Serving the book at ${server.url} (Ctrl-C to stop).\n`);
    if (host !== undefined && !isLoopback(host)) io.stderr.write(`Listening on ${host}: other machines that reach this one can read the book, drafts included.\n`);
    if (values["open"] === true) {
      const failed = await openBrowser(server.url, io.env);
      if (failed !== null) io.stderr.write(`Could not open a browser (${failed}); open ${server.url} yourself.\n`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await server.close();
    io.stderr.write("Stopped.\n");
    return exitCodes.ok;
  },
});

function describe(event: ServeEvent): string {
  const what = event.changed.length === 0 ? "" : `${event.changed.join(", ")} changed: `;
  if (event.kind === "reloaded") return `${what}reloading.\n`;
  if (event.kind === "failed") {
    const error = event.error;
    if (error instanceof UserError) return `${what}the book could not be built.\n${error.file ? `${error.file}${error.line ? `:${error.line}` : ""}: ` : ""}${error.message}\n  hint: ${error.hint}\n`;
    return `${what}the book could not be built (a bug in rfckit).\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  }
  const how = event.full ? `built ${event.rfcs} RFC${event.rfcs === 1 ? "" : "s"}` : `rendered ${event.rendered} page${event.rendered === 1 ? "" : "s"} again`;
  return `${what}${how} in ${Math.round(event.ms)} ms.\n`;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}
