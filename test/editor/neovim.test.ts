import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { draft, writeMetalBearRepo } from "../lsp/fixture.ts";
import { neovimSkip, runNeovim } from "../support/neovim.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp } from "../support/temp-repo.ts";

// Neovim's built-in LSP client, headless, starting `rfc lsp` as a user's configuration does.
const draftPath = "text/0000-jet-pack.md";
const badName = draft.replace("`jet_pack`", "jet pack");

test("Neovim: a bad Feature Name is underlined where it is written; editing the line clears it", { skip: neovimSkip }, async () => {
  const root = await writeMetalBearRepo({ [draftPath]: badName });
  const seen = await runNeovim(root, draftPath, `
    vim.cmd("edit " .. FILE)
    local bufnr = vim.api.nvim_get_current_buf()
    attach(bufnr)
    wait_for("diagnostics", function() return #vim.diagnostic.get(bufnr) > 0 end)
    record("before", diagnostics(bufnr))
    vim.api.nvim_buf_set_lines(bufnr, 0, 1, false, { "- Feature Name: \`jet_pack\`" })
    wait_for("diagnostics to clear", function() return #vim.diagnostic.get(bufnr) == 0 end)
    record("after", diagnostics(bufnr))
  `);
  const line = badName.split("\n")[0]!;
  const [found, ...others] = seen["before"] as { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string }[];
  assert.deepEqual(others, []);
  assert.deepEqual([found!.lnum, found!.col, found!.end_lnum, found!.end_col, found!.severity], [0, line.indexOf("jet"), 0, line.length, 1]);
  assert.match(found!.message, /"jet pack" is not an identifier/);
  assert.deepEqual(seen["after"], []);
});

test("Neovim: the quick fix, applied and saved, leaves the file as rfc fix writes it", { skip: neovimSkip }, async () => {
  const root = await writeMetalBearRepo({ [draftPath]: badName });
  const twin = await copyToTemp(root);
  const seen = await runNeovim(root, draftPath, `
    vim.cmd("edit " .. FILE)
    local bufnr = vim.api.nvim_get_current_buf()
    attach(bufnr)
    wait_for("diagnostics", function() return #vim.diagnostic.get(bufnr) > 0 end)
    local actions = request(bufnr, "textDocument/codeAction", {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
      context = { diagnostics = {} },
    })
    local titles = {}
    for _, action in ipairs(actions) do table.insert(titles, action.title) end
    record("titles", titles)
    vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
    vim.cmd("write")
    wait_for("diagnostics to clear", function() return #vim.diagnostic.get(bufnr) == 0 end)
  `);
  assert.equal((seen["titles"] as string[]).length, 1, JSON.stringify(seen["titles"]));
  assert.match((seen["titles"] as string[])[0]!, /^Fix: /);
  const cli = await runRfc(["fix", draftPath], { cwd: twin });
  assert.equal(cli.exitCode, 0, cli.stderr);
  const byCli = readFileSync(path.join(twin, draftPath), "utf8");
  assert.notEqual(byCli, badName);
  assert.equal(readFileSync(path.join(root, draftPath), "utf8"), byCli);
});

test("Neovim: completion on an empty metadata line offers the template's missing keys; the outline lists the sections", { skip: neovimSkip }, async () => {
  const lines = draft.split("\n").filter((l) => !l.startsWith("- Last Updated:") && !l.startsWith("- Start Date:"));
  const root = await writeMetalBearRepo({ [draftPath]: [lines[0], "", ...lines.slice(1)].join("\n") });
  const seen = await runNeovim(root, draftPath, `
    vim.cmd("edit " .. FILE)
    local bufnr = vim.api.nvim_get_current_buf()
    attach(bufnr)
    wait_for("diagnostics", function() return #vim.diagnostic.get(bufnr) > 0 end)
    local uri = vim.uri_from_bufnr(bufnr)
    local completion = request(bufnr, "textDocument/completion", { textDocument = { uri = uri }, position = { line = 1, character = 0 } })
    local labels = {}
    for _, item in ipairs(completion.items or completion) do table.insert(labels, item.label) end
    record("labels", labels)
    local symbols = request(bufnr, "textDocument/documentSymbol", { textDocument = { uri = uri } })
    local names = {}
    for _, symbol in ipairs(symbols) do table.insert(names, symbol.name) end
    record("outline", names)
  `);
  assert.deepEqual(seen["labels"], ["Start Date", "Last Updated"]);
  assert.deepEqual(seen["outline"], ["Summary", "Motivation", "Guide-level explanation", "Reference-level explanation", "Drawbacks", "Rationale and alternatives"]);
});

test("Neovim: go to definition on a link to another RFC opens it", { skip: neovimSkip }, async () => {
  const linking = draft.replace("Put the boots on and jump.", "Like [the boots](0001-rocket-boots.md).");
  const root = await writeMetalBearRepo({ [draftPath]: linking });
  const line = linking.split("\n").findIndex((l) => l.startsWith("Like [the boots]"));
  const seen = await runNeovim(root, draftPath, `
    vim.cmd("edit " .. FILE)
    local bufnr = vim.api.nvim_get_current_buf()
    attach(bufnr)
    wait_for("the server", function() local client = vim.lsp.get_client_by_id(client_id) return client ~= nil and client.initialized end)
    vim.api.nvim_win_set_cursor(0, { ${line + 1}, 8 })
    vim.lsp.buf.definition()
    wait_for("the linked RFC", function() return vim.api.nvim_buf_get_name(0):match("0001%-rocket%-boots%.md$") ~= nil end)
    record("opened", vim.api.nvim_buf_get_name(0))
  `);
  assert.equal(seen["opened"], path.join(root, "text/0001-rocket-boots.md"));
});
