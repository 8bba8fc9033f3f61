import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { UserError } from "../errors.ts";
import { exitCodes, type Command, type Io } from "./command.ts";
import { renderCommandHelp, renderMainHelp } from "./help.ts";
import { toSystemUserError } from "./system-error.ts";

/** Commands, loaded only when run so `rfc --version` stays fast. */
const commands = {
  init: () => import("./init.ts"),
  new: () => import("./new.ts"),
  check: () => import("./check.ts"),
  fix: () => import("./fix.ts"),
  number: () => import("./number.ts"),
  list: () => import("./list.ts"),
  doctor: () => import("./doctor.ts"),
  build: () => import("./build.ts"),
  serve: () => import("./serve.ts"),
  lsp: () => import("./lsp.ts"),
} satisfies Record<string, () => Promise<{ default: Command }>>;

type CommandName = keyof typeof commands;

/** The names of rfc's commands, in the order `rfc --help` lists them. */
export const commandNames = Object.keys(commands) as CommandName[];

/** Short descriptions for `rfc --help`, kept here so the main help loads no command module. */
const summaries: Record<CommandName, string> = {
  init: "create a new RFC repository",
  new: "create a new RFC from the template",
  check: "check RFCs against the repository's template",
  fix: "fix what can be fixed in RFCs",
  number: "give a draft RFC its number before merging",
  list: "list the RFCs with their status",
  doctor: "show what rfckit found in the repository and why",
  build: "build the RFCs into a static HTML book",
  serve: "serve the book locally, rebuilding and reloading on each change",
  lsp: "run the language server, for diagnostics, fixes and completion in your editor",
};

const issueUrl = "https://github.com/rfckit/rfckit/issues/new";

/** Runs the `rfc` command line with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    if (first === "help" && rest[0] && isCommand(rest[0])) return runCli([rest[0], "--help"], io);
    io.stdout.write(renderMainHelp(Object.entries(summaries).map(([name, description]) => ({ name, description }))));
    return first === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (first === "--version" || first === "-v") {
    io.stdout.write(`${readVersion()}\n`);
    return exitCodes.ok;
  }
  if (!isCommand(first)) {
    // Loaded only here: a mistyped command is rare, and every other run starts faster without it.
    const { didYouMean } = await import("./did-you-mean.ts");
    const meant = didYouMean(first, commandNames);
    const hint = meant ? `did you mean \`rfc ${meant}\`? Run \`rfc --help\` to see the commands.` : "run `rfc --help` to see the commands.";
    io.stderr.write(`rfc: unknown command "${first}".\n  hint: ${hint}\n`);
    return exitCodes.usage;
  }
  try {
    const command = (await commands[first]()).default;
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(renderCommandHelp(command));
      return exitCodes.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      const { didYouMean } = await import("./did-you-mean.ts");
      io.stderr.write(`rfc ${first}: ${describeArgsError(error as Error & { code?: string })}\n  hint: ${hintForArgsError(error as Error & { code?: string }, command, first, didYouMean)}\n`);
      return exitCodes.usage;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (thrown) {
    // A full disk or a read-only folder is the user's to fix, not a bug of rfckit's.
    const error = toSystemUserError(thrown, io.cwd) ?? thrown;
    if (error instanceof UserError) {
      const where = error.file ? `${error.file}${error.line ? `:${error.line}` : ""}: ` : "";
      io.stderr.write(`${where}${error.message}\n  hint: ${error.hint}\n`);
      return exitCodes.usage;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`rfc: internal error, a bug in rfckit ${readVersion()}.\n${stack}\nPlease report it at ${issueUrl} with the command you ran.\n`);
    return exitCodes.bug;
  }
}

/** The first sentence of Node's message for a mistyped or misused option. */
function describeArgsError(error: Error & { code?: string }): string {
  const option = unknownOption(error);
  return option === undefined ? error.message : `unknown option "${option}".`;
}

function hintForArgsError(error: Error & { code?: string }, command: Command, name: string, didYouMean: (typed: string, candidates: readonly string[]) => string | undefined): string {
  const option = unknownOption(error);
  const meant = option === undefined ? undefined : didYouMean(option.replace(/^-+/, ""), Object.keys(command.options));
  return meant ? `did you mean --${meant}? Run \`rfc ${name} --help\` to see its options.` : `run \`rfc ${name} --help\` to see its options.`;
}

/** The option Node's parser did not know, as typed (`--formt`); undefined for other errors. */
function unknownOption(error: Error & { code?: string }): string | undefined {
  if (error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return undefined;
  return /'(-[^']*)'/.exec(error.message)?.[1];
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** rfckit's version, from its package.json (two folders up from both `src/cli` and `dist/cli`). */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
