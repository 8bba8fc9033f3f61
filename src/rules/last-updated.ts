import { findEntry } from "../model/metadata.ts";
import { defineRule } from "./define-rule.ts";
import { replaceText } from "./replace-text.ts";

export default defineRule({
  id: "last-updated",
  description: "Last Updated is no older than the RFC's last change in git",
  severity: "warning",
  tags: ["metadata", "git"],
  fixable: true,
  check({ rfc, doc, repo, report, editing }) {
    // Without history there is nothing to compare with; the facts were read at load, so this stays pure.
    // An accepted RFC as committed is left alone: its last commit is the squash merge that accepted
    // it, or a fix of a link, neither of which makes what the author wrote newer.
    if (!rfc.git || !editing) return;
    const entry = findEntry(doc.metadata, "Last Updated");
    const { value } = entry ?? {};
    if (!entry || !value || value.shape.kind !== "date" || !value.shape.valid) return;
    // Edited today unless the only change since the last commit is this very line (what a fix of it leaves).
    const { uncommitted, changedLines } = rfc.git;
    const editedToday = uncommitted && (changedLines === null || changedLines.some((line) => line !== value.line));
    const changed = editedToday ? repo.today : rfc.git.lastCommitDate;
    if (changed === null) return;
    // A commit dated in a time zone ahead of ours may be "tomorrow": never write a future date.
    const wanted = changed < repo.today ? changed : repo.today;
    const written = value.raw.trim().slice(0, 10);
    if (written >= wanted) return;
    const fix = replaceText(doc, { line: value.line, column: value.column }, value.raw, wanted);
    report({
      line: value.line,
      column: value.column,
      endColumn: value.column + value.raw.length,
      message: editedToday
        ? `"${entry.key}" is ${written}, but the file has changes not committed yet (today is ${repo.today}).`
        : `"${entry.key}" is ${written}, but the file was last changed in a commit of ${wanted}.`,
      hint: `set it to ${wanted}.`,
      ...(fix ? { fix } : {}),
    });
  },
});
