import { UserError } from "../errors.ts";
import { startServer, type ServeEvent } from "../serve/start-server.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";

export default defineCommand({
  name: "serve",
  description: "Build the book in memory, serve it on 127.0.0.1, rebuild it when a file changes and reload open pages.",
  usage: "serve [options]",
  options: {
    port: { type: "string", description: "the port to listen on; 0 picks a free one (default: 3000)", valueName: "n" },
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
    const server = await startServer({ root, cwd: io.cwd, port, onEvent: (event) => io.stderr.write(describe(event)) }).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new UserError(`Port ${port} is already in use.`, { hint: "pass another --port, or --port 0 for any free port." });
      throw error;
    });
    io.stdout.write(`Serving the book at ${server.url} (Ctrl-C to stop).\n`);
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
