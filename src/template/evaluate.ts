/**
 * Evaluation of pipelines, commands, fields, variables and function calls,
 * with Go text/template semantics. The executor (execute.ts) builds on it.
 */
import type {
  ChainNode,
  CommandNode,
  IdentifierNode,
  Operand,
  ParsedTemplate,
  PipeNode,
  Span,
  VariableDecl,
  VariableNode,
} from './ast.js';
import { FunctionArgumentError, TemplateFailure, describeArgumentError, errorMessage } from './errors.js';
import { and, or } from './functions/builtin.js';
import { Computed } from './computed.js';
import { TemplateNamespace } from './namespace.js';
import type { MissingKey, TemplateFunction } from './types.js';
import { goTypeName, isMap, isTrue, mapGet } from './values.js';

export interface ExecConfig {
  missingKey: MissingKey;
  functions: ReadonlyMap<string, TemplateFunction>;
}

/** The value piped in from the previous command, if any. */
type Final = { value: unknown } | undefined;

export interface Variable {
  name: string;
  value: unknown;
}

export abstract class Evaluator {
  /** Variables in scope, innermost last; `$` first. */
  protected vars: Variable[] = [];
  /** Name of the (sub)template being executed, for error messages. */
  protected executing: string;

  constructor(
    protected readonly tpl: ParsedTemplate,
    protected readonly config: ExecConfig,
  ) {
    this.executing = tpl.name;
  }

  protected text(node: Span): string {
    return this.tpl.source.slice(node.pos, node.end);
  }

  protected fail(node: Span, detail: string): never {
    throw new TemplateFailure('exec', node.pos, detail, this.text(node), this.executing);
  }

  // ---- variables -----------------------------------------------------------

  protected bind(decl: VariableDecl, value: unknown, isAssign: boolean): void {
    if (!isAssign) {
      this.vars.push({ name: decl.name, value });
      return;
    }
    const variable = this.vars.findLast((v) => v.name === decl.name);
    if (!variable) this.fail(decl, `undefined variable: ${decl.name}`);
    variable.value = value;
  }

  private lookup(node: VariableNode): unknown {
    const variable = this.vars.findLast((v) => v.name === node.name);
    if (!variable) this.fail(node, `undefined variable: ${node.name}`);
    return variable.value;
  }

  // ---- evaluation ----------------------------------------------------------

  protected evalCommands(dot: unknown, pipe: PipeNode): unknown {
    let value: unknown = undefined;
    pipe.cmds.forEach((cmd, i) => {
      value = this.evalCommand(dot, cmd, i === 0 ? undefined : { value });
    });
    return value;
  }

  protected evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    const value = this.evalCommands(dot, pipe);
    for (const decl of pipe.decl) this.bind(decl, value, pipe.isAssign);
    return value;
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0];
    if (!first) return this.fail(cmd, 'empty command');
    switch (first.kind) {
      case 'field':
        return this.evalFieldChain(dot, dot, first, first.idents, cmd.args, final);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'variable':
        return this.evalVariable(dot, first, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd, cmd.args, final);
        return this.evalPipeline(dot, first);
    }
    this.notAFunction(cmd, cmd.args, final);
    switch (first.kind) {
      case 'bool':
      case 'number':
      case 'string':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.fail(first, 'nil is not a command');
    }
  }

  private notAFunction(node: Span, args: readonly Operand[], final: Final): void {
    const [first] = args;
    if (first && (args.length > 1 || final))
      this.fail(node, `can't give argument to non-function ${this.text(first)}`);
  }

  private evalArg(dot: unknown, node: Operand): unknown {
    switch (node.kind) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(dot, dot, node, node.idents, [node], undefined);
      case 'variable':
        return this.evalVariable(dot, node, [node], undefined);
      case 'chain':
        return this.evalChain(dot, node, [node], undefined);
      case 'pipe':
        return this.evalPipeline(dot, node);
      case 'identifier':
        return this.evalFunction(dot, node, node, [node], undefined);
      case 'bool':
      case 'number':
      case 'string':
        return node.value;
    }
  }

  private evalVariable(dot: unknown, node: VariableNode, args: readonly Operand[], final: Final): unknown {
    const value = this.lookup(node);
    if (node.idents.length === 0) {
      this.notAFunction(node, args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, node, node.idents, args, final);
  }

  private evalChain(dot: unknown, node: ChainNode, args: readonly Operand[], final: Final): unknown {
    if (node.node.kind === 'nil') this.fail(node, `indirection through explicit nil in ${this.text(node)}`);
    return this.evalFieldChain(dot, this.evalArg(dot, node.node), node, node.idents, args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Span,
    idents: string[],
    args: readonly Operand[],
    final: Final,
  ): unknown {
    let value = receiver;
    idents.forEach((name, i) => {
      const last = i === idents.length - 1;
      if (value instanceof TemplateNamespace) {
        value = this.evalMethod(dot, value, name, node, last ? args : [], last ? final : undefined);
        return;
      }
      value = this.evalField(value, name, node, last && (args.length > 1 || final !== undefined));
    });
    return value;
  }

  /** `ns.Method args...`: a Gomplate-style namespaced function call. */
  private evalMethod(
    dot: unknown,
    ns: TemplateNamespace,
    name: string,
    node: Span,
    args: readonly Operand[],
    final: Final,
  ): unknown {
    const fn = ns.method(name);
    if (!fn) return this.fail(node, `function "${ns.name}.${name}" not defined`);
    const argv = args.slice(1).map((arg) => this.evalArg(dot, arg));
    if (final) argv.push(final.value);
    return this.call(fn, `${ns.name}.${name}`, argv, node);
  }

  private evalField(receiver: unknown, name: string, node: Span, hasArgs: boolean): unknown {
    const strict = this.config.missingKey === 'error';
    if (receiver === undefined) {
      if (strict) this.fail(node, `nil data; no entry for key "${name}"`);
      return undefined;
    }
    if (receiver === null) {
      if (strict) this.fail(node, `nil pointer evaluating interface {}.${name}`);
      return undefined;
    }
    if (receiver instanceof Computed) return receiver.field(name);
    if (isMap(receiver)) {
      if (hasArgs) this.fail(node, `${name} is not a method but has arguments`);
      const { found, value } = mapGet(receiver, name);
      if (found) return value;
      if (strict) this.fail(node, `map has no entry for key "${name}"`);
      return undefined;
    }
    return this.fail(node, `can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  private evalFunction(
    dot: unknown,
    node: IdentifierNode,
    cmd: Span,
    args: readonly Operand[],
    final: Final,
  ): unknown {
    const fn = this.config.functions.get(node.name);
    if (!fn) return this.fail(node, `"${node.name}" is not a defined function`);
    const argNodes = args.slice(1);
    if (fn === and || fn === or) {
      if (argNodes.length === 0 && !final)
        this.fail(cmd, `wrong number of args for ${node.name}: want at least 1 got 0`);
      let value: unknown = null;
      for (const arg of argNodes) {
        value = this.evalArg(dot, arg) ?? null;
        if (isTrue(value) === (fn === or)) return value;
      }
      return final ? (final.value ?? null) : value;
    }
    const argv = argNodes.map((arg) => this.evalArg(dot, arg));
    if (final) argv.push(final.value);
    return this.call(fn, node.name, argv, cmd);
  }

  private call(fn: TemplateFunction, name: string, argv: unknown[], cmd: Span): unknown {
    let result: unknown;
    try {
      result = fn(...argv.map((v) => (v === undefined ? null : v)));
    } catch (error) {
      if (error instanceof TemplateFailure) throw error;
      if (error instanceof FunctionArgumentError) this.fail(cmd, describeArgumentError(error, name));
      this.fail(cmd, `error calling ${name}: ${errorMessage(error)}`);
    }
    return result === undefined ? null : result;
  }
}
