import { UserError } from "../errors.ts";
import { defineCommand } from "./command.ts";

export default defineCommand({
  name: "lsp",
  description: "Run the language server: rfckit's checks, fixes, completion and navigation in your editor, over stdin and stdout.",
  usage: "lsp [--stdio]",
  options: {
    stdio: { type: "boolean", description: "talk to the editor over stdin and stdout (the default and only transport)" },
  },
  async run(_args, io) {
    const output = io.stdout as unknown as NodeJS.WritableStream;
    if (typeof output.on !== "function") throw new UserError("rfc lsp needs a real output stream.", { hint: "start it from your editor, which talks to it over stdin and stdout." });
    const { startLanguageServer } = await import("../lsp/server.ts");
    const server = startLanguageServer({ input: io.stdin, output });
    const code = await server.exited;
    // The editor has gone: stop reading, so the process can end.
    (io.stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    return code;
  },
});
