import type { Diagnostic, Position } from './diagnostic.js';

export interface RenderOptions {
  readonly color?: boolean;
}

/** Turns diagnostics into the text printed on stderr: `file:line:col: error[code]: message`, a code frame, hints. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const blocks = diagnostics.map((d) => renderOne(d, options));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 1) {
    const parts = [];
    if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    blocks.push(`Found ${parts.join(' and ')}.`);
  }
  return blocks.join('\n\n') + '\n';
}

function renderOne(d: Diagnostic, options: RenderOptions): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const where = d.file ? `${location(d.file, d.position)}: ` : '';
  const lines = [
    `${where}${paint(d.severity === 'error' ? '31' : '33', d.severity)}[${d.code}]: ${d.message}`,
  ];
  if (d.source !== undefined && d.position) lines.push(codeFrame(d.source, d.position));
  for (const r of d.related ?? [])
    lines.push(r.file ? `  ${location(r.file, r.position)}: ${r.message}` : `  ${r.message}`);
  if (d.hint) lines.push(`  ${paint('36', 'hint')}: ${d.hint}`);
  return lines.join('\n');
}

export function location(file: string, position?: Position): string {
  return position ? `${file}:${position.line}:${position.column}` : file;
}

const FRAME_WIDTH = 80;

/** Two lines of context before the line, the line itself and a caret under the column; at most 80 columns. */
export function codeFrame(source: string, position: Position): string {
  const all = source.split(/\r?\n/);
  const first = Math.max(1, position.line - 2);
  const last = Math.min(all.length, position.line + 1);
  const gutter = String(last).length;
  const out: string[] = [];
  const width = FRAME_WIDTH - gutter - 7;
  const start = Math.max(0, position.column - 1 - (width - 10));
  for (let n = first; n <= last; n++) {
    const text = (all[n - 1] ?? '').replace(/\t/g, ' ').slice(start, start + width);
    const marker = n === position.line ? '>' : ' ';
    out.push(`  ${marker} ${String(n).padStart(gutter)} | ${text}`.trimEnd());
    if (n === position.line) {
      out.push(`    ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, position.column - 1 - start))}^`);
    }
  }
  return out.join('\n');
}
