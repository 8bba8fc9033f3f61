import { gitWithInput } from "./git.ts";

/** The renames each commit made, as new name → old name, paths relative to `root`. */
export async function readRenames(root: string, commits: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const renames = new Map<string, Map<string, string>>();
  if (commits.length === 0) return renames;
  const out = await gitWithInput(root, ["diff-tree", "--stdin", "--root", "-z", "-r", "-M", "--name-status", "--relative"], commits.map((c) => `${c}\n`).join(""));
  const tokens = (out ?? "").split("\0");
  let current: Map<string, string> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n+/, "");
    if (/^[0-9a-f]{40,64}$/.test(token)) {
      current = new Map();
      renames.set(token, current);
    } else if (token.startsWith("R") || token.startsWith("C")) {
      const from = tokens[++i]!;
      const to = tokens[++i]!;
      if (token.startsWith("R")) current?.set(to, from);
    } else if (token !== "") i++;
  }
  return renames;
}
