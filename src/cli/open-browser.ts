import { spawn } from "node:child_process";

/**
 * Opens `url` in the user's browser: the command in `BROWSER` when set (the convention of
 * Python's webbrowser and many CLIs), else the system's opener. Resolves to null once started,
 * or to why it could not be, so the caller can say so and go on serving.
 */
export function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>): Promise<string | null> {
  const [command, ...args] = env["BROWSER"] ? [env["BROWSER"], url] : systemOpener(url);
  return new Promise((resolve) => {
    const child = spawn(command!, args, { stdio: "ignore", detached: true });
    child.once("error", (error) => resolve(`${command}: ${error.message}`));
    child.once("spawn", () => {
      child.unref();
      resolve(null);
    });
  });
}

function systemOpener(url: string): string[] {
  if (process.platform === "darwin") return ["open", url];
  if (process.platform === "win32") return ["cmd", "/c", "start", '""', url];
  return ["xdg-open", url];
}
