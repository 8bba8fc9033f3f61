import { createInterface } from "node:readline/promises";
import type { Io } from "./command.ts";

/** Asks questions on the command's terminal, one line each. */
export interface Asker {
  /** Shows `prompt` and resolves to the line typed, or null when input ended (Ctrl-D, Ctrl-C). */
  ask(prompt: string): Promise<string | null>;
  close(): void;
}

/**
 * Opens a line reader on `io.stdin` that writes its prompts to `io.stdout`. Lines are read through
 * the reader's async iterator, which keeps lines that arrive before the next question (as when
 * answers are piped in); `question()` would drop them.
 */
export function createAsker(io: Io): Asker {
  const output = io.stdout as NodeJS.WritableStream & { isTTY?: boolean };
  // Line editing needs a real terminal stream on both sides; a test's buffers get plain lines.
  const terminal = Boolean(io.stdin.isTTY && output.isTTY && typeof (output as { on?: unknown }).on === "function");
  const reader = createInterface({ input: io.stdin, output, terminal });
  reader.on("SIGINT", () => reader.close());
  const lines = reader[Symbol.asyncIterator]();
  return {
    async ask(prompt) {
      reader.setPrompt(prompt);
      reader.prompt();
      const next = await lines.next();
      if (next.done) {
        io.stdout.write("\n");
        return null;
      }
      return next.value;
    },
    close() {
      reader.close();
    },
  };
}
