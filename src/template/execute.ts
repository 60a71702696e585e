/**
 * Executor: walks a parsed template against plain JS data with Go
 * text/template semantics. Throws TemplateFailure on execution errors.
 */
import type { ActionNode, BranchNode, ListNode, Node, ParsedTemplate, TemplateCallNode } from './ast.js';
import { type ExecConfig, Evaluator } from './evaluate.js';
import { formatValue } from './format.js';
import { isTrue, kindOf, mapGet, sortedKeys } from './values.js';

export type { ExecConfig } from './evaluate.js';

/** Maximum nesting of {{template}} calls. */
export const MAX_TEMPLATE_DEPTH = 1000;

type Signal = 'break' | 'continue' | undefined;

function* countUpTo(n: number): Generator<readonly [number, number]> {
  for (let i = 0; i < n; i++) yield [i, i];
}

export function executeTemplate(template: ParsedTemplate, data: unknown, config: ExecConfig): string {
  return new ExecState(template, config).run(data);
}

class ExecState extends Evaluator {
  private readonly out: string[] = [];
  private depth = 0;

  run(data: unknown): string {
    this.vars = [{ name: '$', value: data }];
    this.walkList(data, this.tpl.root);
    return this.out.join('');
  }

  // ---- walking -------------------------------------------------------------

  private walkList(dot: unknown, list: ListNode): Signal {
    for (const node of list.nodes) {
      const signal = this.walk(dot, node);
      if (signal) return signal;
    }
    return undefined;
  }

  private walk(dot: unknown, node: Node): Signal {
    switch (node.kind) {
      case 'text':
        this.out.push(node.text);
        return undefined;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.print(node, value);
        return undefined;
      }
      case 'if':
      case 'with':
        return this.walkBranch(dot, node);
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        this.walkTemplate(dot, node);
        return undefined;
      case 'break':
      case 'continue':
        return node.kind;
    }
  }

  private print(node: ActionNode, value: unknown): void {
    if (value === undefined || value === null) {
      this.out.push(this.config.missingKey === 'zero' ? '' : '<no value>');
    } else if (typeof value === 'function') {
      this.fail(node, `can't print ${this.text(node.pipe)} of type func`);
    } else {
      this.out.push(formatValue(value));
    }
  }

  private walkBranch(dot: unknown, node: BranchNode): Signal {
    const mark = this.vars.length;
    const value = this.evalPipeline(dot, node.pipe);
    let signal: Signal;
    if (isTrue(value)) signal = this.walkList(node.kind === 'with' ? value : dot, node.list);
    else if (node.elseList) signal = this.walkList(dot, node.elseList);
    this.vars.length = mark;
    return signal;
  }

  private walkRange(dot: unknown, node: BranchNode): Signal {
    const mark = this.vars.length;
    const { pipe } = node;
    const value = this.evalCommands(dot, pipe);
    const [first, second] = pipe.decl;
    let ran = false;
    const loop = (entries: Iterable<readonly [unknown, unknown]>): void => {
      for (const [key, elem] of entries) {
        ran = true;
        const inner = this.vars.length;
        if (first && second) {
          this.bind(first, key, pipe.isAssign);
          this.bind(second, elem, pipe.isAssign);
        } else if (first) {
          this.bind(first, elem, pipe.isAssign);
        }
        const signal = this.walkList(elem, node.list);
        this.vars.length = inner;
        if (signal === 'break') break;
      }
    };
    switch (kindOf(value)) {
      case 'invalid':
      case 'nil':
        break;
      case 'slice':
        loop((value as unknown[]).map((elem, i) => [i, elem ?? null] as const));
        break;
      case 'map': {
        const map = value as Record<string, unknown>;
        loop(sortedKeys(map).map((k) => [k, mapGet(map, k).value] as const));
        break;
      }
      case 'int': {
        if (second) this.fail(pipe, `can't use ${formatValue(value)} to iterate over more than one variable`);
        loop(countUpTo(Number(value)));
        break;
      }
      default:
        this.fail(pipe, `range can't iterate over ${formatValue(value)}`);
    }
    let signal: Signal;
    if (!ran && node.elseList) signal = this.walkList(dot, node.elseList);
    this.vars.length = mark;
    return signal;
  }

  private walkTemplate(dot: unknown, node: TemplateCallNode): void {
    const body = this.tpl.defines.get(node.name) ?? (node.name === this.tpl.name ? this.tpl.root : undefined);
    if (!body) this.fail(node, `template "${node.name}" not defined`);
    if (this.depth >= MAX_TEMPLATE_DEPTH)
      this.fail(node, `exceeded maximum template depth (${MAX_TEMPLATE_DEPTH})`);
    const newDot = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
    const { vars, executing } = this;
    this.vars = [{ name: '$', value: newDot }];
    this.executing = node.name;
    this.depth++;
    try {
      this.walkList(newDot, body);
    } catch (error) {
      if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
      [this.vars, this.executing] = [vars, executing];
      this.fail(node, `exceeded maximum template depth (${error.message})`);
    } finally {
      this.vars = vars;
      this.executing = executing;
      this.depth--;
    }
  }
}
