/**
 * Parsing of pipelines, commands and operands (the inside of an action).
 */
import type { CommandNode, Operand, PipeNode, VariableDecl } from './ast.js';
import { errorMessage, syntaxFailure } from './errors.js';
import type { TokenType } from './tokens.js';
import { parseNumber, unquoteChar, unquoteRaw, unquoteString } from './literals.js';
import { type TokenStream, unexpected } from './token-stream.js';

/** What the pipeline parser needs from the enclosing parser. */
export interface PipelineHost {
  readonly ts: TokenStream;
  /** Variables in scope, innermost last. */
  readonly vars: string[];
  hasFunction(name: string): boolean;
}

const OPERAND_START: ReadonlySet<TokenType> = new Set([
  'bool',
  'charConst',
  'dot',
  'field',
  'identifier',
  'number',
  'nil',
  'rawString',
  'string',
  'variable',
  'leftParen',
]);

const NON_EXECUTABLE: ReadonlySet<Operand['kind']> = new Set(['bool', 'dot', 'nil', 'number', 'string']);

export function parsePipeline(
  host: PipelineHost,
  context: string,
  endType: 'rightDelim' | 'rightParen',
): PipeNode {
  const { ts } = host;
  const start = ts.peekNonSpace();
  const pipe: PipeNode = {
    kind: 'pipe',
    pos: start.pos,
    end: start.pos,
    isAssign: false,
    decl: [],
    cmds: [],
  };
  parseDeclarations(host, pipe, context);
  for (;;) {
    const token = ts.nextNonSpace();
    if (token.type === endType) {
      if (pipe.cmds.length === 0) throw syntaxFailure(token.pos, `missing value for ${context}`);
      pipe.cmds.slice(1).forEach((cmd, i) => {
        const first = cmd.args[0];
        if (first && NON_EXECUTABLE.has(first.kind)) {
          throw syntaxFailure(first.pos, `non executable command in pipeline stage ${i + 2}`);
        }
      });
      pipe.end = pipe.cmds[pipe.cmds.length - 1]?.end ?? token.pos;
      // Declared variables come into scope after their pipeline.
      host.vars.push(...pipe.decl.map((d) => d.name));
      return pipe;
    }
    if (!OPERAND_START.has(token.type)) unexpected(token, context);
    ts.backup();
    pipe.cmds.push(parseCommand(host));
  }
}

/** `$x :=`, `$x =` and, in range, `$i, $v :=`. */
function parseDeclarations(host: PipelineHost, pipe: PipeNode, context: string): void {
  const { ts } = host;
  for (;;) {
    const variable = ts.peekNonSpace();
    if (variable.type !== 'variable') return;
    const mark = ts.mark();
    ts.next();
    const next = ts.peekNonSpace();
    const decl: VariableDecl = { name: variable.text, pos: variable.pos, end: variable.end };
    if (next.type === 'assign' || next.type === 'declare') {
      ts.next();
      pipe.isAssign = next.type === 'assign';
      if (pipe.isAssign && !host.vars.includes(decl.name)) {
        throw syntaxFailure(variable.pos, `undefined variable "${decl.name}"`);
      }
      pipe.decl.push(decl);
      return;
    }
    if (next.type === 'comma') {
      ts.next();
      pipe.decl.push(decl);
      if (context === 'range' && pipe.decl.length < 2) {
        const after = ts.peekNonSpace();
        if (after.type === 'variable' || after.type === 'rightDelim' || after.type === 'rightParen') continue;
        throw syntaxFailure(after.pos, 'range can only initialize variables');
      }
      throw syntaxFailure(next.pos, `too many declarations in ${context}`);
    }
    ts.reset(mark);
    return;
  }
}

function parseCommand(host: PipelineHost): CommandNode {
  const { ts } = host;
  const cmd: CommandNode = { kind: 'command', pos: ts.peekNonSpace().pos, end: 0, args: [] };
  for (;;) {
    ts.peekNonSpace();
    const operand = parseOperand(host);
    if (operand) cmd.args.push(operand);
    const token = ts.next();
    if (token.type === 'space') continue;
    if (token.type === 'rightDelim' || token.type === 'rightParen') ts.backup();
    else if (token.type !== 'pipe') unexpected(token, 'operand');
    break;
  }
  const last = cmd.args[cmd.args.length - 1];
  if (!last) throw syntaxFailure(cmd.pos, 'empty command');
  cmd.end = last.end;
  return cmd;
}

function parseOperand(host: PipelineHost): Operand | undefined {
  const { ts } = host;
  const node = parseTerm(host);
  if (!node || ts.peek().type !== 'field') return node;
  const idents: string[] = [];
  let end = node.end;
  while (ts.peek().type === 'field') {
    const field = ts.next();
    idents.push(field.text.slice(1));
    end = field.end;
  }
  switch (node.kind) {
    case 'field':
    case 'variable':
      return { ...node, idents: [...node.idents, ...idents], end };
    case 'bool':
    case 'string':
    case 'number':
    case 'nil':
    case 'dot':
      throw syntaxFailure(node.end, `unexpected . after term ${JSON.stringify(termText(node))}`);
    default:
      return { kind: 'chain', pos: node.pos, end, node, idents };
  }
}

function termText(node: Operand): string {
  switch (node.kind) {
    case 'bool':
      return String(node.value);
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'nil':
      return 'nil';
    default:
      return '.';
  }
}

function parseTerm(host: PipelineHost): Operand | undefined {
  const { ts } = host;
  const token = ts.nextNonSpace();
  const span = { pos: token.pos, end: token.end };
  const literal = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw syntaxFailure(token.pos, errorMessage(error));
    }
  };
  switch (token.type) {
    case 'identifier':
      if (!host.hasFunction(token.text))
        throw syntaxFailure(token.pos, `function "${token.text}" not defined`);
      return { kind: 'identifier', name: token.text, ...span };
    case 'dot':
      return { kind: 'dot', ...span };
    case 'nil':
      return { kind: 'nil', ...span };
    case 'variable':
      if (!host.vars.includes(token.text))
        throw syntaxFailure(token.pos, `undefined variable "${token.text}"`);
      return { kind: 'variable', name: token.text, idents: [], ...span };
    case 'field':
      return { kind: 'field', idents: [token.text.slice(1)], ...span };
    case 'bool':
      return { kind: 'bool', value: token.text === 'true', ...span };
    case 'charConst':
      return { kind: 'number', value: literal(() => unquoteChar(token.text)), ...span };
    case 'number':
      return { kind: 'number', value: literal(() => parseNumber(token.text)), ...span };
    case 'string':
      return {
        kind: 'string',
        value: literal(() => {
          try {
            return unquoteString(token.text);
          } catch {
            throw new Error(`invalid syntax in string literal ${token.text}`);
          }
        }),
        ...span,
      };
    case 'rawString':
      return { kind: 'string', value: unquoteRaw(token.text), ...span };
    case 'leftParen': {
      const pipe = parsePipeline(host, 'parenthesized pipeline', 'rightParen');
      return { ...pipe, pos: token.pos, end: ts.lastEnd };
    }
    default:
      ts.backup();
      return undefined;
  }
}
