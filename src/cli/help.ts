import type { Command } from "./command.ts";

/** The `--help` text of one command. */
export function renderCommandHelp(command: Command): string {
  const rows = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.type === "string" ? ` <${spec.valueName ?? "value"}>` : ""}`;
    return [flag, spec.description] as const;
  });
  rows.push(["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: rfc ${command.usage}`,
    "",
    command.description,
    "",
    "Options:",
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    "",
  ].join("\n");
}

/** The top-level `rfc --help` text. */
export function renderMainHelp(commands: readonly Pick<Command, "name" | "description">[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: rfc <command> [options]",
    "",
    "Check, number, fix and publish the Markdown RFCs of a repository against its own template.",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.description}`),
    "",
    "Options:",
    "  -h, --help     show help (also after a command: rfc check --help)",
    "  -v, --version  show rfckit's version",
    "",
  ].join("\n");
}
