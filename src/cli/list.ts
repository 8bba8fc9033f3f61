import { listFormats, renderListCsv, renderListJson, renderListTable, type ListFormat } from "../authoring/render-rfc-list.ts";
import { toRfcRows } from "../authoring/list-rfcs.ts";
import { UserError } from "../errors.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { rules } from "../rules/index.ts";
import { refuseUnknownRules } from "../repository/read-config.ts";
import { requireRfcs } from "./require-rfcs.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";

export default defineCommand({
  name: "list",
  description: "List every RFC: number, title, feature name, dates, pull request, status and the furthest stage it passes.",
  usage: "list [options]",
  options: {
    root: rootOption,
    format: { type: "string", description: `output format: ${listFormats.join(", ")} (default: table)`, valueName: "format" },
    status: { type: "string", description: "only RFCs with this status (draft, accepted, or the repository's own status values)", valueName: "status" },
    since: { type: "string", description: "only RFCs last updated (else started) on or after this date", valueName: "YYYY-MM-DD" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) {
      throw new UserError(`rfc list takes no paths (got ${positionals.join(" ")}).`, { hint: "use --root <dir> to list another repository." });
    }
    const format = readFormat(values["format"]);
    const since = readDate(values["since"]);
    const root = typeof values["root"] === "string" ? values["root"] : undefined;
    const repo = await loadRepository(root ? { root, cwd: io.cwd } : { cwd: io.cwd });
    await refuseUnknownRules(repo.root, repo.config.rules, rules.map((r) => r.id));
    const notYet = requireRfcs(repo);
    if (notYet !== null) {
      io.stdout.write(format === "table" ? notYet : format === "json" ? renderListJson([]) : renderListCsv([]));
      return exitCodes.ok;
    }
    const status = typeof values["status"] === "string" ? values["status"] : undefined;
    const rows = toRfcRows(repo, { rules, status, since });
    const renderers = {
      // A person at a terminal gets lines that fit it; a pipe or file gets every character.
      table: () => renderListTable(rows, { width: io.stdout.isTTY ? io.stdout.columns : undefined }),
      json: () => renderListJson(rows),
      csv: () => renderListCsv(rows),
    } satisfies Record<ListFormat, () => string>;
    io.stdout.write(renderers[format]());
    return exitCodes.ok;
  },
});

function readFormat(value: unknown): ListFormat {
  if (value === undefined) return "table";
  if (typeof value === "string" && (listFormats as readonly string[]).includes(value)) return value as ListFormat;
  throw new UserError(`--format must be one of ${listFormats.join(", ")}, not "${String(value)}".`, { hint: "run `rfc list --help` for the options." });
}

function readDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.getUTCDate() !== Number(m![3]) || date.getUTCMonth() !== Number(m![2]) - 1) {
    throw new UserError(`--since must be a date written YYYY-MM-DD, not "${text}".`, { hint: "for example --since 2026-01-01." });
  }
  return text;
}
