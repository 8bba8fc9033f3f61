import type { Preprocessor } from "../types.ts";
import { referencedBy } from "./referenced-by.ts";

/** The preprocessors `rfc build` runs, in order. Later ones (search index, …) go at the end. */
export const preprocessors: readonly Preprocessor[] = [referencedBy];
