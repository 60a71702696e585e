import { spawn, type ChildProcess } from 'node:child_process';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import { REPO } from '../helpers/testdir.js';

/** The real yaml-language-server from npm, as an editor would start it. */
export const YAML_LANGUAGE_SERVER = join(
  REPO,
  'node_modules',
  'yaml-language-server',
  'bin',
  'yaml-language-server',
);

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Diagnostic {
  readonly range: Range;
  readonly message: string;
  readonly severity?: number;
  readonly source?: string;
  readonly code?: string | number;
}

export interface CompletionItem {
  readonly label: string;
  readonly kind?: number;
  readonly detail?: string;
  readonly documentation?: string | { readonly kind: string; readonly value: string };
  readonly insertText?: string;
}

interface PublishDiagnosticsParams {
  readonly uri: string;
  readonly diagnostics: Diagnostic[];
}

interface ConfigurationParams {
  readonly items: { readonly section?: string; readonly scopeUri?: string }[];
}

/**
 * An LSP client for yaml-language-server over stdio: answers `workspace/configuration` with the
 * given `yaml` settings (the way VS Code hands `.vscode/settings.json` to the server) and records
 * every `textDocument/publishDiagnostics`.
 */
export class YamlLanguageClient {
  private readonly published = new Map<string, Diagnostic[][]>();
  private readonly listeners = new Set<() => void>();
  private stderr = '';
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
    private yamlSettings: Record<string, unknown>,
  ) {}

  /** Starts the server, then runs `initialize`/`initialized` and pushes the settings. */
  static async start(root: string, yamlSettings: Record<string, unknown>): Promise<YamlLanguageClient> {
    const child = spawn(process.execPath, [YAML_LANGUAGE_SERVER, '--stdio'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new YamlLanguageClient(child, connection, yamlSettings);
    child.stderr.on('data', (d: Buffer) => (client.stderr += d.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
      params.items.map((item) => (item.section === 'yaml' ? client.yamlSettings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = client.published.get(params.uri) ?? [];
      list.push(params.diagnostics);
      client.published.set(params.uri, list);
      client.notify();
    });
    // Telemetry and log messages are not part of what is checked.
    connection.onNotification('telemetry/event', () => undefined);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    try {
      const rootUri = pathToFileURL(root).href;
      await client.withDeadline(
        connection.sendRequest('initialize', {
          processId: process.pid,
          rootUri,
          // As VS Code does: the opened folder is the root and the one workspace folder.
          workspaceFolders: [{ uri: rootUri, name: basename(root) }],
          locale: 'en',
          capabilities: {
            workspace: {
              configuration: true,
              workspaceFolders: true,
              didChangeConfiguration: { dynamicRegistration: false },
            },
            textDocument: {
              synchronization: { didSave: false, dynamicRegistration: false },
              publishDiagnostics: { relatedInformation: true },
              completion: {
                completionItem: {
                  snippetSupport: true,
                  documentationFormat: ['markdown', 'plaintext'],
                },
              },
              hover: { contentFormat: ['markdown', 'plaintext'] },
            },
          },
        }),
        20_000,
        'initialize',
      );
      await connection.sendNotification('initialized', {});
      await client.changeSettings(yamlSettings);
      return client;
    } catch (e) {
      client.dispose();
      throw e;
    }
  }

  /** Replaces the `yaml` settings: the server re-pulls them through `workspace/configuration`. */
  async changeSettings(yamlSettings: Record<string, unknown>): Promise<void> {
    this.yamlSettings = yamlSettings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { yaml: yamlSettings },
    });
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  /**
   * Waits until a `publishDiagnostics` for `uri` satisfies `done` (the server may first publish an
   * empty list, before the schema is loaded), then until nothing new arrives for `settleMs`, and
   * returns the latest list. Throws with what was published if the deadline passes.
   */
  async diagnostics(
    uri: string,
    done: (diagnostics: Diagnostic[]) => boolean,
    { timeoutMs = 20_000, settleMs = 750 } = {},
  ): Promise<Diagnostic[]> {
    const latest = () => this.published.get(uri)?.at(-1);
    const deadline = Date.now() + timeoutMs;
    // Wait for at least one publication for this document, then for one that satisfies `done`.
    while (!this.published.has(uri) || !done(latest() ?? [])) {
      if (this.exited) throw new Error(`yaml-language-server exited early:\n${this.stderr}`);
      if (Date.now() > deadline) {
        throw new Error(
          `no matching diagnostics for ${uri} within ${timeoutMs} ms; published: ${JSON.stringify(this.published.get(uri) ?? [], null, 1)}\nserver stderr:\n${this.stderr}`,
        );
      }
      await this.nextEvent(deadline - Date.now());
    }
    for (;;) {
      const count = this.published.get(uri)?.length ?? 0;
      await new Promise((r) => setTimeout(r, settleMs));
      if ((this.published.get(uri)?.length ?? 0) === count) return latest() ?? [];
    }
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.withDeadline(
      this.connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[] | null>(
        'textDocument/completion',
        { textDocument: { uri }, position },
      ),
      20_000,
      'textDocument/completion',
    );
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async hover(uri: string, position: Position): Promise<unknown> {
    return this.withDeadline(
      this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
      20_000,
      'textDocument/hover',
    );
  }

  /** Asks the server to shut down and exit, and kills it if it has not within a few seconds. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.withDeadline(this.connection.sendRequest('shutdown'), 5_000, 'shutdown');
        await this.connection.sendNotification('exit');
        const deadline = Date.now() + 3_000;
        while (!this.exited && Date.now() < deadline) await this.nextEvent(deadline - Date.now());
      } catch {
        // killed below
      }
    }
    this.dispose();
  }

  /** Kills the server process (if still running) and drops the connection. */
  dispose(): void {
    this.connection.dispose();
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private nextEvent(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.listeners.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, timeoutMs));
      this.listeners.add(wake);
    });
  }

  private async withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${what}: no answer within ${ms} ms\nserver stderr:\n${this.stderr}`)),
            ms,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
