import type { Reporter } from "./format.ts";

export const renderSarif: Reporter = () => "";
