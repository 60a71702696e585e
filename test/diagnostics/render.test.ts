import { describe, expect, it } from 'vitest';
import { codeFrame, renderDiagnostics } from '../../src/diagnostics/render.js';
import { error } from '../../src/diagnostics/diagnostic.js';
import { didYouMean } from '../../src/diagnostics/suggest.js';

describe('renderDiagnostics', () => {
  it('prints file:line:col, the code, the message, a frame, related places and a hint', () => {
    const text = renderDiagnostics([
      error('import-missing', "import 'catalog/vcp' matches no manifest", {
        file: 'stacks/orgs/dev.yaml',
        position: { line: 2, column: 5 },
        source: 'import:\n  - catalog/vcp\nvars: {}\n',
        hint: 'fix the path',
        related: [{ file: 'stacks/orgs/prod.yaml', message: 'imports it too' }],
      }),
    ]);
    expect(text).toBe(
      [
        "stacks/orgs/dev.yaml:2:5: error[import-missing]: import 'catalog/vcp' matches no manifest",
        '    1 | import:',
        '  > 2 |   - catalog/vcp',
        '      |     ^',
        '    3 | vars: {}',
        '  stacks/orgs/prod.yaml: imports it too',
        '  hint: fix the path',
        '',
      ].join('\n'),
    );
  });

  it('counts problems when there are several', () => {
    const text = renderDiagnostics([error('usage', 'a'), error('usage', 'b')]);
    expect(text.trim().split('\n').pop()).toBe('Found 2 errors.');
  });

  it('keeps code frames within 80 columns on long lines', () => {
    const line = `vars: {${'x'.repeat(200)}: 1, bad: [}`;
    const frame = codeFrame(line, { line: 1, column: 190 });
    for (const l of frame.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(frame).toContain('^');
  });
});

describe('didYouMean', () => {
  it.each([
    ['plat-ue2-dve', ['plat-ue2-dev', 'plat-ue2-prod'], "did you mean 'plat-ue2-dev'?"],
    ['vcp', ['vpc', 'eks'], "did you mean 'vpc'?"],
    ['completely-different', ['vpc'], undefined],
  ])('%s', (name, candidates, expected) => {
    expect(didYouMean(name, candidates)).toBe(expected);
  });
});
