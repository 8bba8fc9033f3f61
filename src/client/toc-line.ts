// One line of `toc.js`, as src/book/render/toc-script.ts writes it (the client cannot import the
// build's modules, which need Node): a page (output path, "" for a draft; number label; title;
// depth), a part's title, or a separator.
export type TocLine = [out: string, label: string, title: string, depth: number] | { part: string } | 0;
