const WITH_VALUE = new Set(['-C', '--chdir', '--config', '--base-path']);
const BOOLEAN = new Set(['--debug']);

/**
 * Lets global flags come before the command, as in `strata -C examples/aws-org list stacks`
 * (oclif only reads flags after the command id): leading global flags move behind the command's
 * own arguments, and before a `--` separator if there is one.
 */
export function normalizeArgv(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (WITH_VALUE.has(name)) {
      const inline = name !== a;
      leading.push(...(inline ? [a] : argv.slice(i, i + 2)));
      i += inline ? 1 : 2;
    } else if (BOOLEAN.has(a)) {
      leading.push(a);
      i += 1;
    } else {
      break;
    }
  }
  if (leading.length === 0) return [...argv];
  const rest = argv.slice(i);
  const dashdash = rest.indexOf('--');
  return dashdash < 0
    ? [...rest, ...leading]
    : [...rest.slice(0, dashdash), ...leading, ...rest.slice(dashdash)];
}
