import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createConnection, DidChangeWatchedFilesNotification, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams } from "vscode-languageserver";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { checkRepository } from "../check/check-repository.ts";
import { UserError } from "../errors.ts";
import { createDocumentParser } from "../markdown/parse-document.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Repository } from "../model/repository.ts";
import { findRoot } from "../repository/find-root.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { rules } from "../rules/index.ts";
import { watchRepository, type RepositoryWatcher } from "../serve/watch-repository.ts";
import { fixAllKind, toCodeActions } from "./code-actions.ts";
import { toCompletions } from "./completion.ts";
import { toDocumentSymbols } from "./document-symbols.ts";
import { toHover } from "./hover.ts";
import { RepositorySession, type LoadRepository } from "./repository-session.ts";
import { findFile, linkAt, resolveLinks } from "./resolve-link.ts";
import { fromProtocolPosition, toProtocolDiagnostic } from "./to-protocol.ts";

/** How the server runs: its streams, and what tests replace. */
export interface LanguageServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Loads a repository from disk (default: `loadRepository`, with git history). */
  load?: LoadRepository;
  /** How long after an edit diagnostics are computed, so a burst of keystrokes is checked once (default 25 ms). */
  debounceMs?: number;
}

/** A running server: resolves with the exit code once the client says `exit` or the input ends. */
export interface RunningLanguageServer {
  exited: Promise<number>;
}

/** Where an open file is: its repository, and its path relative to the root. */
interface Located {
  session: RepositorySession;
  path: string;
}

/**
 * `rfc lsp`: rfckit's checks, fixes and navigation in the editor, over the Language Server
 * Protocol (Microsoft's `vscode-languageserver`). Each file opened is placed in its RFC
 * repository as the CLI finds it, loaded once and kept; the editor's texts win over the disk,
 * and an edit parses that text only. A file outside any RFC repository, or one that is neither an
 * RFC nor a sub-chapter of one, gets nothing. A failing request is answered with an error and
 * logged; the server goes on.
 */
export function startLanguageServer(options: LanguageServerOptions): RunningLanguageServer {
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const watchers: Promise<RepositoryWatcher | null>[] = [];
  let ended = false;
  const end = (code: number) => {
    if (ended) return;
    ended = true;
    for (const timer of timers.values()) clearTimeout(timer);
    void Promise.all(watchers.map((w) => w.then((watcher) => watcher?.close()).catch(() => {}))).then(() => {
      connection.dispose();
      resolveExit(code);
    });
  };
  const watchDog = {
    shutdownReceived: false,
    initialize: () => {},
    exit: (code: number) => end(code),
  };
  const reader = new StreamMessageReader(options.input);
  const writer = new StreamMessageWriter(options.output);
  const connection: Connection = createConnection((logger) => createProtocolConnection(reader, writer, logger), watchDog);
  options.input.on("end", () => end(watchDog.shutdownReceived ? 0 : 1));
  options.input.on("close", () => end(watchDog.shutdownReceived ? 0 : 1));

  // The opened file is parsed while git runs; on the whole repository's load, documents are parsed
  // when a rule first reads one: an edit's check reads few besides its own.
  const load: LoadRepository = options.load ?? ((root, reading) => loadRepository({ root, ...(reading ? { reading } : { parseAhead: false }) }));
  const debounceMs = options.debounceMs ?? 25;
  const documents = new TextDocuments(TextDocument);
  const sessions = new Map<string, RepositorySession>();
  const roots = new Map<string, Promise<string | null>>();
  const located = new Map<string, Promise<Located | null>>();
  const latest = new Map<string, Diagnostic[]>();
  const timers = new Map<RepositorySession, NodeJS.Timeout>();
  const parse = createDocumentParser();
  let snippets = false;
  let clientWatches = false;

  const log = (message: string) => {
    if (!ended) connection.console.error(message);
  };
  /** Sends diagnostics, unless the editor has gone: a load or a check may end after the exit. */
  const send = async (params: Parameters<Connection["sendDiagnostics"]>[0]) => {
    if (ended) return;
    await connection.sendDiagnostics(params).catch((error: unknown) => log(`rfckit: could not send diagnostics: ${String(error)}`));
  };
  /** Runs a request's handler; a bug answers that request with an error and is logged. */
  const guard =
    <P, R>(name: string, handler: (params: P) => Promise<R> | R) =>
    async (params: P): Promise<R | ResponseError> => {
      try {
        return await handler(params);
      } catch (error) {
        log(`rfckit: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return new ResponseError(-32603, `rfckit: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

  const rootOf = (dir: string): Promise<string | null> => {
    let root = roots.get(dir);
    if (!root) {
      root = findRoot(dir).catch((error: unknown) => {
        if (error instanceof UserError) return null;
        throw error;
      });
      roots.set(dir, root);
    }
    return root;
  };
  const sessionFor = (root: string, first: string): RepositorySession => {
    let session = sessions.get(root);
    if (!session) {
      const created = new RepositorySession(root, load, first);
      session = created;
      sessions.set(root, session);
      const watching = clientWatches ? Promise.resolve(null) : watchOwn(session);
      watchers.push(watching);
      void watching.then(() => created.loadAll(() => recheck(created)));
    }
    return session;
  };
  const locate = (uri: string): Promise<Located | null> => {
    let found = located.get(uri);
    if (!found) {
      found = (async () => {
        if (!uri.startsWith("file:")) return null;
        const file = fileURLToPath(uri);
        if (!/\.md$/i.test(file)) return null;
        const root = await rootOf(path.dirname(file));
        if (root === null) return null;
        const relative = path.relative(root, file).split(path.sep).join("/");
        if (relative.startsWith("..")) return null;
        const session = sessionFor(root, relative);
        editorUris.set(fileKey(session, relative), uri);
        return { session, path: relative };
      })();
      located.set(uri, found);
    }
    return found;
  };
  // The editor's own URI of each open file: another spelling of the same path (an encoded
  // character, a drive letter's case) would not find its document.
  const editorUris = new Map<string, string>();
  const fileKey = (session: RepositorySession, relative: string) => `${session.root}\0${relative}`;
  const uriOf = (session: RepositorySession, relative: string) => editorUris.get(fileKey(session, relative)) ?? pathToFileURL(path.join(session.root, relative)).href;

  /** The repository as the editor has it, the RFC a file belongs to, and the file's document; null where the file is none of rfckit's. */
  const read = async (uri: string) => {
    const where = await locate(uri);
    if (!where) return null;
    const repo = await where.session.repository().catch(() => null);
    if (!repo) return null;
    const { rfc, file } = findFile(repo, where.path);
    if (!rfc || !file?.document) return null;
    return { ...where, repo, rfc, doc: file.document };
  };

  const watchOwn = async (session: RepositorySession): Promise<RepositoryWatcher | null> => {
    try {
      const onChanges = (batch: ReadonlyMap<string, string>) => void diskChanged(session, new Map([...batch].map(([file, event]) => [file, event === "change" ? "change" : event === "unlink" ? "unlink" : "add"])));
      return await watchRepository(session.root, onChanges, (error) => log(`rfckit: watching ${session.root}: ${String(error)}`));
    } catch (error) {
      log(`rfckit: could not watch ${session.root} for changes: ${String(error)}`);
      return null;
    }
  };
  const diskChanged = async (session: RepositorySession, changes: ReadonlyMap<string, "change" | "add" | "unlink">) => {
    await session.diskChanged(changes);
    recheck(session);
  };
  /** Checks the open files again now, unless an edit's check is due anyway (it will read the new repository). */
  const recheck = (session: RepositorySession) => {
    if (!timers.has(session)) schedule(session, null, 0);
  };

  /** Checks the session's open files after the debounce: `first` before the others. */
  const schedule = (session: RepositorySession, first: string | null, delay = debounceMs) => {
    const pending = timers.get(session);
    if (pending) clearTimeout(pending);
    timers.set(
      session,
      setTimeout(() => {
        timers.delete(session);
        if (ended) return;
        void publish(session, first).catch((error: unknown) => log(`rfckit: checking failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      }, delay),
    );
  };
  const publish = async (session: RepositorySession, first: string | null) => {
    const versions = new Map(session.openPaths().map((p) => [p, documents.get(uriOf(session, p))?.version]));
    let repo: Repository;
    let beingWritten: Set<string>;
    try {
      repo = await session.repository();
      beingWritten = await session.editedPaths();
    } catch (error) {
      for (const p of session.openPaths()) await publishLoadError(uriOf(session, p), error);
      return;
    }
    const order = [...(first ? [first] : []), ...session.openPaths().filter((p) => p !== first)];
    for (const relative of order) {
      const uri = uriOf(session, relative);
      const document = documents.get(uri);
      // A newer edit came in while this one was checked: its own run will publish.
      if (!document || document.version !== versions.get(relative) || timers.has(session)) continue;
      const { rfc, file } = findFile(repo, relative);
      if (!rfc) {
        await send({ uri, version: document.version, diagnostics: [] });
        continue;
      }
      const diagnostics = checkRepository(repo, { rules, only: new Set([rfc.path]), beingWritten: ownersOf(repo, beingWritten) }).filter((d) => d.file === relative);
      latest.set(uri, diagnostics);
      await send({ uri, version: document.version, diagnostics: diagnostics.map((d) => toProtocolDiagnostic(d, file?.document ?? null)) });
      // Let the next message in (an edit) before checking the next file.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  /** The RFCs of edited files: an edited sub-chapter means its RFC is being written. */
  const ownersOf = (repo: Repository, paths: ReadonlySet<string>) => new Set([...paths].map((p) => findFile(repo, p).rfc?.path ?? p));
  const publishLoadError = async (uri: string, error: unknown) => {
    const user = error instanceof UserError ? error : null;
    const where = user?.file ? ` (${user.file}${user.line ? `, line ${user.line}` : ""})` : "";
    const message = user ? `rfckit could not read the repository: ${user.message}${where}\nhint: ${user.hint}` : `rfckit could not read the repository: ${String(error)}`;
    if (!user) log(message);
    await send({ uri, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: "rfckit", code: "repository", message }] });
  };

  connection.onInitialize((params: InitializeParams) => {
    snippets = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ["quickfix", fixAllKind] },
        completionProvider: { triggerCharacters: ["(", "#", "/"] },
        definitionProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: "rfckit" },
    };
  });
  connection.onInitialized(() => {
    if (clientWatches) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*" }] }).catch((error: unknown) => log(`rfckit: the editor would not watch files: ${String(error)}`));
    }
  });
  connection.onShutdown(() => {
    watchDog.shutdownReceived = true;
  });

  const opened = async (uri: string) => {
    const where = await locate(uri);
    const document = documents.get(uri);
    if (!where || !document) return;
    const onDisk = await where.session.onDisk().catch(() => null);
    // A file made after the repository was loaded (saved from `rfc new`, or by the editor): load again.
    if (onDisk && !onDisk.files.has(where.path)) await where.session.reload();
    where.session.setText(where.path, document.getText());
    schedule(where.session, where.path, 0);
  };
  documents.onDidOpen((event) => void opened(event.document.uri).catch((error: unknown) => log(`rfckit: opening ${event.document.uri} failed: ${String(error)}`)));
  documents.onDidChangeContent((event) => {
    void locate(event.document.uri).then((where) => {
      if (!where || !documents.get(event.document.uri)) return;
      where.session.setText(where.path, event.document.getText());
      schedule(where.session, where.path);
    });
  });
  documents.onDidClose((event) => {
    void locate(event.document.uri).then((where) => {
      latest.delete(event.document.uri);
      if (!where) return;
      where.session.setText(where.path, null);
      void send({ uri: event.document.uri, diagnostics: [] });
      schedule(where.session, null);
    });
  });
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const bySession = new Map<RepositorySession, Map<string, "change" | "add" | "unlink">>();
    const events = { 1: "add", 2: "change", 3: "unlink" } as const;
    for (const change of changes) {
      if (!change.uri.startsWith("file:")) continue;
      const file = fileURLToPath(change.uri);
      for (const session of sessions.values()) {
        const relative = path.relative(session.root, file).split(path.sep).join("/");
        if (relative.startsWith("..") || relative.split("/").some((p) => p.startsWith(".") || p === "node_modules")) continue;
        const batch = bySession.get(session) ?? new Map<string, "change" | "add" | "unlink">();
        batch.set(relative, events[change.type]);
        bySession.set(session, batch);
      }
    }
    for (const [session, batch] of bySession) await diskChanged(session, batch);
  });

  connection.onCodeAction(
    guard("code actions", async (params) => {
      const file = await read(params.textDocument.uri);
      if (!file) return [];
      const diagnostics = latest.get(params.textDocument.uri) ?? [];
      const beingWritten = ownersOf(file.repo, await file.session.editedPaths());
      return toCodeActions({ ...file, rules, beingWritten, uri: params.textDocument.uri, range: params.range, diagnostics, parse: (text) => parse(text), ...(params.context.only ? { only: params.context.only } : {}) });
    }),
  );
  connection.onCompletion(
    guard("completion", async (params) => {
      const file = await read(params.textDocument.uri);
      if (!file) return [];
      return toCompletions({ ...file, at: fromProtocolPosition(params.position), snippets });
    }),
  );
  connection.onDefinition(
    guard("definition", async (params) => {
      const file = await read(params.textDocument.uri);
      if (!file) return null;
      const link = linkAt(file.repo, file.path, file.doc, fromProtocolPosition(params.position));
      if (!link) return null;
      const line = link.section ? link.section.line - 1 : 0;
      return { uri: uriOf(file.session, link.target), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
    }),
  );
  connection.onHover(
    guard("hover", async (params) => {
      const file = await read(params.textDocument.uri);
      if (!file) return null;
      const text = toHover(file.repo, file.path, file.doc, fromProtocolPosition(params.position), latest.get(params.textDocument.uri) ?? []);
      return text === null ? null : { contents: { kind: "markdown" as const, value: text } };
    }),
  );
  connection.onDocumentSymbol(
    guard("document symbols", async (params) => {
      const file = await read(params.textDocument.uri);
      return file ? toDocumentSymbols(file.doc) : [];
    }),
  );
  connection.onDocumentLinks(
    guard("document links", async (params) => {
      const file = await read(params.textDocument.uri);
      if (!file) return [];
      return resolveLinks(file.repo, file.path, file.doc)
        .filter((link) => link.target !== file.path)
        .map((link) => ({
          range: { start: { line: link.link.line - 1, character: link.link.column - 1 }, end: { line: link.link.line - 1, character: link.link.endColumn - 1 } },
          target: uriOf(file.session, link.target),
        }));
    }),
  );

  documents.listen(connection);
  connection.listen();
  return { exited };
}
