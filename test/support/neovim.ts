import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeTempDir } from "./temp-repo.ts";
import { packageRoot } from "./paths.ts";

/** Debian's Neovim (0.7 on bookworm), whose built-in LSP client the editor tests drive; `.ci/run` installs it. */
export const neovimPath = "/usr/bin/nvim";

/** A skip reason when Neovim is absent, so the suite passes without it and says why these tests did not run. */
export const neovimSkip: string | false = existsSync(neovimPath) ? false : `${neovimPath} is absent: editor tests skipped (install it with apt-get install neovim)`;

/**
 * How the editor starts `rfc lsp`: the bundled command as published, when it is built from the
 * sources as they are now (CI builds first); else the sources through tsx, never a stale bundle.
 */
function serverCommand(): string[] {
  const bundle = path.join(packageRoot, "dist/bin/rfc.js");
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) return [process.execPath, bundle, "lsp", "--stdio"];
  // Resolved here: the editor starts the server in the repository, where tsx is not installed.
  return [process.execPath, "--import", import.meta.resolve("tsx"), path.join(packageRoot, "src/cli/main.ts"), "lsp", "--stdio"];
}

// Helpers for the test's Lua: the client is started as a user's config would start it, and every
// wait is bounded so a test that fails ends with what it saw instead of hanging.
const prelude = `
local out = {}
local function record(key, value) out[key] = value end
local client_id
local function attach(bufnr)
  client_id = client_id or vim.lsp.start_client({ name = "rfckit", cmd = CMD, root_dir = ROOT })
  vim.lsp.buf_attach_client(bufnr, client_id)
end
local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end
  return list
end
local function wait_for(what, predicate)
  if not vim.wait(15000, predicate, 20) then error("timed out waiting for " .. what) end
end
local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not responses then error("no response to " .. method) end
  for _, response in pairs(responses) do
    if response.err then error(method .. ": " .. vim.inspect(response.err)) end
    return response.result
  end
end
`;

/**
 * Runs Neovim headless on `file` (relative to `root`) with the Lua `body`, which sees the helpers
 * above and \`FILE\`; returns what the body recorded (\`record(key, value)\`). A Lua error fails
 * with its message; Neovim is stopped after 60 s whatever happens.
 */
export async function runNeovim(root: string, file: string, body: string): Promise<Record<string, unknown>> {
  const dir = await makeTempDir("rfckit-nvim-");
  const script = path.join(dir, "test.lua");
  const output = path.join(dir, "out.json");
  const lua = [
    `local CMD = vim.fn.json_decode(${luaString(JSON.stringify(serverCommand()))})`,
    `local ROOT = ${luaString(root)}`,
    `local FILE = ${luaString(path.join(root, file))}`,
    prelude,
    `local ok, err = pcall(function()\n${body}\nend)`,
    `if not ok then out.error = tostring(err) end`,
    `local handle = io.open(${luaString(output)}, "w")`,
    `handle:write(vim.fn.json_encode(out))`,
    `handle:close()`,
    `if client_id then vim.lsp.stop_client(client_id) end`,
    `vim.cmd("qa!")`,
  ].join("\n");
  await writeFile(script, lua);
  await new Promise<void>((resolve, reject) => {
    execFile(neovimPath, ["--headless", "--clean", "-n", "-u", "NONE", "-c", `luafile ${script}`], { cwd: root, timeout: 60_000, env: { ...process.env, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir } }, (error) =>
      error && !existsSync(output) ? reject(error) : resolve(),
    );
  });
  const result = JSON.parse(await readFile(output, "utf8")) as Record<string, unknown>;
  if (typeof result["error"] === "string") throw new Error(`Neovim: ${result["error"]}`);
  return result;
}

function newestSource(): number {
  const src = path.join(packageRoot, "src");
  return Math.max(...readdirSync(src, { recursive: true }).map((f) => statSync(path.join(src, String(f))).mtimeMs));
}

function luaString(text: string): string {
  return JSON.stringify(text);
}
