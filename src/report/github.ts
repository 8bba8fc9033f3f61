import type { Reporter } from "./format.ts";

export const renderGithub: Reporter = () => "";
