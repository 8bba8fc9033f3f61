import type { CodeAction, Range } from "vscode-languageserver";
import { applyEdits } from "../check/apply-edits.ts";
import { describeStructuralChange, fixRepository } from "../check/fix-repository.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import type { Rule } from "../rules/define-rule.ts";
import { findMissingSections } from "./missing-sections.ts";
import { toMinimalEdits } from "./minimal-edits.ts";
import { toProtocolDiagnostic, toTextEdit } from "./to-protocol.ts";
import { withoutBom } from "../markdown/parse-document.ts";

/** The kind of the "fix all in this file" action, which editors can run on save. */
export const fixAllKind = "source.fixAll.rfckit";

/** What code actions are computed from: the file as the editor has it, and its latest diagnostics. */
export interface CodeActionInput {
  repo: Repository;
  rules: readonly Rule[];
  rfc: Rfc;
  /** The file the actions are for: the RFC or one of its sub-chapters. */
  path: string;
  doc: RfcDocument;
  uri: string;
  range: Range;
  diagnostics: readonly Diagnostic[];
  /** Parses text as a document, to check that a fix keeps the file what it was. */
  parse: (text: string) => RfcDocument;
  /** The RFCs being written (edited in the editor), held to the template as when checked. */
  beingWritten: ReadonlySet<string>;
  /** Only actions of these kinds, when the editor asks for some (`source.fixAll`). */
  only?: readonly string[];
}

/**
 * The code actions at a range: each fix of a diagnostic there (only when applying it keeps the
 * file's structure, as `rfc fix` requires), "fix all" (exactly what `rfc fix` writes for the
 * file), and "add section" for each template section missing where a `section-missing`
 * diagnostic points.
 */
export function toCodeActions(input: CodeActionInput): CodeAction[] {
  const { doc, uri, range } = input;
  const wants = (kind: string) => !input.only || input.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const here = input.diagnostics.filter((d) => d.file === input.path && overlaps(d, range));
  if (wants("quickfix")) {
    for (const d of here) {
      if (!d.fix || !keepsStructure(doc, d.fix, input.parse)) continue;
      actions.push({
        title: `Fix: ${capitalise(d.hint ?? d.message)}`,
        kind: "quickfix",
        diagnostics: [toProtocolDiagnostic(d, doc)],
        isPreferred: true,
        edit: { changes: { [uri]: [toTextEdit(d.fix, doc)] } },
      });
    }
    if (input.path === input.rfc.path && here.some((d) => d.rule === "section-missing")) {
      for (const missing of findMissingSections(input.repo, input.rfc, doc)) {
        if (missing.optional) continue;
        actions.push({ title: `Add section "${missing.wanted.title}"`, kind: "quickfix", edit: { changes: { [uri]: [toTextEdit(missing.edit, doc)] } } });
      }
    }
  }
  const fixable = input.diagnostics.filter((d) => d.file === input.path && d.fix);
  // Asked for by kind (on save, the source menu), or beside a quick fix when there is more than one to make.
  const offerFixAll = input.only ? wants(fixAllKind) : here.some((d) => d.fix) && fixable.length > 1;
  if (fixable.length > 0 && offerFixAll) {
    const edits = fixAllEdits(input);
    if (edits.length > 0) actions.push({ title: "Fix all rfckit problems in this file", kind: fixAllKind, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

/** What `rfc fix <file>` would write for the file, as edits on the editor's text. */
function fixAllEdits(input: CodeActionInput) {
  const result = fixRepository(input.repo, { rules: input.rules, only: new Set([input.rfc.path]), beingWritten: input.beingWritten, rewrites: () => true });
  const file = result.files.find((f) => f.path === input.path);
  if (!file) return [];
  return toMinimalEdits(withoutBom(file.before), withoutBom(file.after));
}

function keepsStructure(doc: RfcDocument, fix: Edit, parse: (text: string) => RfcDocument): boolean {
  const { text } = applyEdits(doc.source, [fix]);
  return describeStructuralChange(doc, parse(text)) === null;
}

function overlaps(d: Diagnostic, range: Range): boolean {
  const startLine = range.start.line + 1;
  const endLine = range.end.line + 1;
  return d.line <= endLine && d.endLine >= startLine;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
