/**
 * Syntax tree of a parsed template. Every node records the span [pos, end) of
 * its source text, used for error positions and messages.
 */

export interface Span {
  pos: number;
  end: number;
}

export interface ListNode extends Span {
  kind: 'list';
  nodes: Node[];
}

export interface TextNode extends Span {
  kind: 'text';
  text: string;
}

/** `{{ pipeline }}`: prints the value unless the pipeline declares variables. */
export interface ActionNode extends Span {
  kind: 'action';
  pipe: PipeNode;
}

/** `if`, `with` and `range`; `else if` / `else with` become a nested node in elseList. */
export interface BranchNode extends Span {
  kind: 'if' | 'with' | 'range';
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}

/** `{{template "name" pipeline}}` (also produced by `block`). */
export interface TemplateCallNode extends Span {
  kind: 'template';
  name: string;
  pipe?: PipeNode;
}

export interface LoopControlNode extends Span {
  kind: 'break' | 'continue';
}

export type Node = TextNode | ActionNode | BranchNode | TemplateCallNode | LoopControlNode;

export interface VariableDecl extends Span {
  name: string;
}

/** A pipeline: optional declarations, then commands separated by `|`. */
export interface PipeNode extends Span {
  kind: 'pipe';
  /** True for `$x = ...`, false for `$x := ...`. */
  isAssign: boolean;
  decl: VariableDecl[];
  cmds: CommandNode[];
}

export interface CommandNode extends Span {
  kind: 'command';
  args: Operand[];
}

/** `.a.b.c` (idents empty for plain `.` is a DotNode instead). */
export interface FieldNode extends Span {
  kind: 'field';
  idents: string[];
}

/** `$x` or `$x.a.b`. */
export interface VariableNode extends Span {
  kind: 'variable';
  name: string;
  idents: string[];
}

/** `(pipeline).a.b`. */
export interface ChainNode extends Span {
  kind: 'chain';
  node: Operand;
  idents: string[];
}

export interface IdentifierNode extends Span {
  kind: 'identifier';
  name: string;
}

export interface DotNode extends Span {
  kind: 'dot';
}

export interface NilNode extends Span {
  kind: 'nil';
}

export interface BoolNode extends Span {
  kind: 'bool';
  value: boolean;
}

export interface NumberNode extends Span {
  kind: 'number';
  value: number;
}

export interface StringNode extends Span {
  kind: 'string';
  value: string;
}

export type Operand =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

/** The result of parsing one template text: its body and the templates it defines. */
export interface ParsedTemplate {
  name: string;
  source: string;
  root: ListNode;
  defines: ReadonlyMap<string, ListNode>;
}
