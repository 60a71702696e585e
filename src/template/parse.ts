/**
 * Parser for Go text/template: builds the syntax tree of a template text and
 * the templates it defines with `define` and `block`. Throws TemplateFailure.
 */
import type { BranchNode, ListNode, LoopControlNode, Node, ParsedTemplate, TemplateCallNode } from './ast.js';
import { locate, syntaxFailure } from './errors.js';
import { lex } from './lex.js';
import type { Token } from './tokens.js';
import { unquoteRaw, unquoteString } from './literals.js';
import { type PipelineHost, parsePipeline } from './parse-pipeline.js';
import { TokenStream, expect, unexpected } from './token-stream.js';

export interface ParseConfig {
  name: string;
  leftDelim: string;
  rightDelim: string;
  hasFunction(name: string): boolean;
}

/** `{{end}}` or `{{else}}`, which close the list being parsed. */
interface Terminator {
  kind: 'end' | 'else';
  pos: number;
  /** For `{{else if ...}}` / `{{else with ...}}`: the keyword left pending. */
  chained?: string;
}

type Parsed = Node | Terminator;

const isTerminator = (n: Parsed): n is Terminator => n.kind === 'end' || n.kind === 'else';

export function parse(source: string, config: ParseConfig): ParsedTemplate {
  const parser = new Parser(source, lex(source, config.leftDelim, config.rightDelim), config);
  const root = parser.parseRoot();
  return { name: config.name, source, root, defines: parser.defines };
}

/** Go's IsEmptyTree: only whitespace text. */
export function isEmptyList(list: ListNode): boolean {
  return list.nodes.every((n) => n.kind === 'text' && n.text.trim() === '');
}

class Parser implements PipelineHost {
  readonly ts: TokenStream;
  vars: string[] = ['$'];
  readonly defines = new Map<string, ListNode>();
  private rangeDepth = 0;

  constructor(
    private readonly source: string,
    tokens: Token[],
    private readonly config: ParseConfig,
  ) {
    this.ts = new TokenStream(tokens);
  }

  hasFunction(name: string): boolean {
    return this.config.hasFunction(name);
  }

  parseRoot(): ListNode {
    const root: ListNode = { kind: 'list', pos: 0, end: this.source.length, nodes: [] };
    while (this.ts.peek().type !== 'eof') {
      if (this.ts.peek().type === 'leftDelim') {
        const mark = this.ts.mark();
        const delim = this.ts.next();
        const keyword = this.ts.nextNonSpace();
        if (keyword.type === 'keyword' && keyword.text === 'define') {
          this.parseDefinition(delim);
          continue;
        }
        this.ts.reset(mark);
      }
      const node = this.textOrAction();
      if (isTerminator(node)) throw syntaxFailure(node.pos, `unexpected {{${node.kind}}}`);
      root.nodes.push(node);
    }
    return root;
  }

  private inFreshScope<T>(parse: () => T): T {
    const { vars, rangeDepth } = this;
    this.vars = ['$'];
    this.rangeDepth = 0;
    try {
      return parse();
    } finally {
      this.vars = vars;
      this.rangeDepth = rangeDepth;
    }
  }

  private templateName(token: Token, context: string): string {
    if (token.type === 'rawString') return unquoteRaw(token.text);
    if (token.type !== 'string') unexpected(token, context);
    try {
      return unquoteString(token.text);
    } catch {
      throw syntaxFailure(token.pos, `invalid syntax in string literal ${token.text}`);
    }
  }

  private addDefinition(name: string, list: ListNode, pos: number): void {
    const old = this.defines.get(name);
    if (old && !isEmptyList(old) && !isEmptyList(list)) {
      throw syntaxFailure(pos, `multiple definition of template "${name}"`);
    }
    if (!old || isEmptyList(old)) this.defines.set(name, list);
  }

  private parseDefinition(delim: Token): void {
    const context = 'define clause';
    const name = this.templateName(this.ts.nextNonSpace(), context);
    expect(this.ts, 'rightDelim', context);
    const { list, term } = this.inFreshScope(() => this.itemList(delim.pos, 'define'));
    if (term.kind !== 'end') throw syntaxFailure(term.pos, `unexpected {{else}} in ${context}`);
    this.addDefinition(name, list, delim.pos);
  }

  /** Parses nodes until `{{end}}` or `{{else}}`. */
  private itemList(openPos: number, opener: string): { list: ListNode; term: Terminator } {
    const list: ListNode = { kind: 'list', pos: this.ts.peek().pos, end: 0, nodes: [] };
    for (;;) {
      const token = this.ts.peek();
      if (token.type === 'eof') {
        const { line, column } = locate(this.source, openPos);
        throw syntaxFailure(
          token.pos,
          `unexpected EOF (missing {{end}} for {{${opener}}} at ${line}:${column})`,
        );
      }
      const node = this.textOrAction();
      if (isTerminator(node)) {
        list.end = node.pos;
        return { list, term: node };
      }
      list.nodes.push(node);
    }
  }

  private textOrAction(): Parsed {
    const token = this.ts.next();
    if (token.type === 'text') return { kind: 'text', pos: token.pos, end: token.end, text: token.text };
    if (token.type === 'leftDelim') return this.action(token);
    return unexpected(token, 'input');
  }

  private action(delim: Token): Parsed {
    const token = this.ts.nextNonSpace();
    if (token.type === 'keyword') {
      switch (token.text) {
        case 'block':
          return this.blockControl(delim);
        case 'break':
        case 'continue':
          return this.loopControl(delim, token);
        case 'else':
          return this.elseControl(delim);
        case 'end':
          expect(this.ts, 'rightDelim', 'end');
          return { kind: 'end', pos: delim.pos };
        case 'if':
        case 'with':
        case 'range':
          return this.branchControl(delim.pos, token.text);
        case 'template':
          return this.templateControl(delim);
      }
    }
    this.ts.backup();
    const pipe = parsePipeline(this, 'command', 'rightDelim');
    return { kind: 'action', pos: delim.pos, end: this.ts.lastEnd, pipe };
  }

  private elseControl(delim: Token): Terminator {
    const peek = this.ts.peekNonSpace();
    if (peek.type === 'keyword' && (peek.text === 'if' || peek.text === 'with')) {
      return { kind: 'else', pos: delim.pos, chained: peek.text };
    }
    expect(this.ts, 'rightDelim', 'else');
    return { kind: 'else', pos: delim.pos };
  }

  private branchControl(pos: number, kind: 'if' | 'with' | 'range'): BranchNode {
    const varMark = this.vars.length;
    const pipe = parsePipeline(this, kind, 'rightDelim');
    if (kind === 'range') this.rangeDepth++;
    const { list, term } = this.itemList(pos, kind);
    if (kind === 'range') this.rangeDepth--;
    let elseList: ListNode | undefined;
    if (term.kind === 'else') {
      if (term.chained !== undefined && term.chained === kind) {
        this.ts.nextNonSpace(); // the pending "if" / "with"
        const nested = this.branchControl(term.pos, kind);
        elseList = { kind: 'list', pos: term.pos, end: nested.end, nodes: [nested] };
      } else {
        const rest = this.itemList(pos, kind);
        if (rest.term.kind !== 'end') throw syntaxFailure(rest.term.pos, 'expected end; found {{else}}');
        elseList = rest.list;
      }
    }
    this.vars.length = varMark;
    return { kind, pos, end: this.ts.lastEnd, pipe, list, elseList };
  }

  private loopControl(delim: Token, keyword: Token): LoopControlNode {
    const kind = keyword.text === 'break' ? 'break' : 'continue';
    const close = this.ts.nextNonSpace();
    if (close.type !== 'rightDelim') unexpected(close, `{{${kind}}}`);
    if (this.rangeDepth === 0) throw syntaxFailure(keyword.pos, `{{${kind}}} outside {{range}}`);
    return { kind, pos: delim.pos, end: close.end };
  }

  private templateControl(delim: Token): TemplateCallNode {
    const context = 'template clause';
    const name = this.templateName(this.ts.nextNonSpace(), context);
    let pipe;
    if (this.ts.nextNonSpace().type !== 'rightDelim') {
      this.ts.backup();
      pipe = parsePipeline(this, context, 'rightDelim');
    }
    return { kind: 'template', pos: delim.pos, end: this.ts.lastEnd, name, pipe };
  }

  private blockControl(delim: Token): TemplateCallNode {
    const context = 'block clause';
    const name = this.templateName(this.ts.nextNonSpace(), context);
    const pipe = parsePipeline(this, context, 'rightDelim');
    const end = this.ts.lastEnd;
    const { list, term } = this.inFreshScope(() => this.itemList(delim.pos, 'block'));
    if (term.kind !== 'end') throw syntaxFailure(term.pos, `unexpected {{else}} in ${context}`);
    this.addDefinition(name, list, delim.pos);
    return { kind: 'template', pos: delim.pos, end, name, pipe };
  }
}
