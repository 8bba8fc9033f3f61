import { createRequire } from "node:module";

type YamlModule = typeof import("yaml");
let yaml: YamlModule | undefined;

/** The `yaml` library, loaded on first use: most RFC repositories write metadata as a list, and `yaml` costs ~50 ms to load. */
export function loadYaml(): YamlModule {
  yaml ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yaml;
}
