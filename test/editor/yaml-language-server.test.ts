import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { YamlLanguageClient, type CompletionItem, type Diagnostic } from './lsp-client.js';
import { exampleWorkspace, positionOf, rangeOf, type EditorWorkspace } from './workspace.js';

/**
 * `strata schema generate --vscode` output driving the real yaml-language-server (the server behind
 * the VS Code YAML extension and most other editors' YAML support) over LSP/stdio.
 */

const MISTAKES = 'stacks/catalog/vpc/editor-mistakes.yaml';
const MISTAKES_TEXT = `# A catalog entry with the mistakes an editor should point at.
components:
  terraform:
    vpc:
      vars:
        cidr_blok: 10.0.0.0/16
        subnet_newbits: "four"
        nat_gateway_mode: per-az
        name: !env VPC_NAME
        tags:
          Owner: !env HOME
          PeerVpc: !terraform.output vpc vpc_id
`;

const COMPLETION = 'stacks/catalog/vpc/editor-completion.yaml';
const COMPLETION_TEXT = `components:
  terraform:
    vpc:
      vars:
        name: main
        
    app/api:
      vars:
        cpu: 256
        
`;

const VALUES = 'stacks/catalog/vpc/editor-values.yaml';

const SCHEMA_SOURCE = 'yaml-schema: Strata / Atmos stack manifest (with component vars)';

/** The `yaml` settings VS Code would hand the server from the generated .vscode/settings.json. */
function yamlSettings(ws: EditorWorkspace, customTags = true): Record<string, unknown> {
  return {
    schemas: ws.settings['yaml.schemas'],
    ...(customTags ? { customTags: ws.settings['yaml.customTags'] } : {}),
    validate: true,
    completion: true,
    hover: true,
    // No network: the schemastore.org catalog is not needed to check Strata's schema.
    schemaStore: { enable: false },
  };
}

const clients: YamlLanguageClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
});

async function startServer(ws: EditorWorkspace, settings: Record<string, unknown>) {
  const client = await YamlLanguageClient.start(ws.root, settings);
  clients.push(client);
  return client;
}

const fromSchema = (d: Diagnostic[]) => d.some((x) => x.source === SCHEMA_SOURCE);
const byLine = (d: Diagnostic[]) =>
  [...d].sort((a, b) => a.range.start.line - b.range.start.line || a.message.localeCompare(b.message));
const documentation = (item: CompletionItem | undefined) =>
  typeof item?.documentation === 'string' ? item.documentation : item?.documentation?.value;

describe('yaml-language-server with the settings of `strata schema generate --vscode`', () => {
  it('writes editor settings that map the stack folder to the generated manifest schema', async () => {
    const ws = await exampleWorkspace({});
    expect(ws.settings['yaml.schemas']).toEqual({
      '.strata/schemas/stack-manifest.schema.json': ['stacks/**/*.{yaml,yml}'],
    });
    expect(ws.settings['yaml.customTags']).toEqual(
      expect.arrayContaining(['!env scalar', '!terraform.output scalar', '!include scalar']),
    );
  });

  it(
    'underlines a wrong var type, a value outside the enum and an unknown var, and nothing else',
    { timeout: 60_000 },
    async () => {
      const ws = await exampleWorkspace({ [MISTAKES]: MISTAKES_TEXT });
      const client = await startServer(ws, yamlSettings(ws));
      const uri = ws.uri(MISTAKES);
      await client.open(uri, MISTAKES_TEXT);
      const diagnostics = byLine(await client.diagnostics(uri, fromSchema));

      expect(
        diagnostics.map((d) => ({
          range: d.range,
          message: d.message,
          severity: d.severity,
          source: d.source,
        })),
      ).toEqual([
        {
          // line 6 (1-based): `cidr_blok: 10.0.0.0/16`, the key underlined
          range: rangeOf(MISTAKES_TEXT, 'cidr_blok'),
          message: expect.stringMatching(/^Property cidr_blok is not allowed\.?$/),
          severity: 1,
          source: SCHEMA_SOURCE,
        },
        {
          // line 7: `subnet_newbits: "four"`, the value underlined
          range: rangeOf(MISTAKES_TEXT, '"four"'),
          message: expect.stringMatching(/^Incorrect type\. Expected one of number, null\.?$/),
          severity: 1,
          source: SCHEMA_SOURCE,
        },
        {
          // line 8: `nat_gateway_mode: per-az`
          range: rangeOf(MISTAKES_TEXT, 'per-az'),
          message: expect.stringMatching(/^Value is not accepted\. Valid values: "none", "single", "per_az"/),
          severity: 1,
          source: SCHEMA_SOURCE,
        },
      ]);
      expect(diagnostics.map((d) => d.range.start.line + 1)).toEqual([6, 7, 8]);
      // The relative schema path of the settings was resolved against the opened folder.
      expect((diagnostics[0] as { data?: { schemaUri?: string[] } }).data?.schemaUri).toEqual([
        ws.uri('.strata/schemas/stack-manifest.schema.json'),
      ]);
    },
  );

  it(
    'accepts Atmos function tags (!env, !terraform.output) only thanks to the generated yaml.customTags',
    { timeout: 60_000 },
    async () => {
      const ws = await exampleWorkspace({ [MISTAKES]: MISTAKES_TEXT });
      const tagLines = [
        positionOf(MISTAKES_TEXT, '!env VPC_NAME').line,
        positionOf(MISTAKES_TEXT, '!env HOME').line,
        positionOf(MISTAKES_TEXT, '!terraform.output').line,
      ];
      const onTagLines = (d: Diagnostic[]) => d.filter((x) => tagLines.includes(x.range.start.line));

      // Without the generated customTags, the server rejects every function tag...
      const client = await startServer(ws, yamlSettings(ws, false));
      const uri = ws.uri(MISTAKES);
      await client.open(uri, MISTAKES_TEXT);
      const untagged = await client.diagnostics(uri, (d) => onTagLines(d).length >= 3 && fromSchema(d));
      expect(byLine(onTagLines(untagged)).map((d) => [d.range.start.line, d.message])).toEqual([
        [tagLines[0], expect.stringContaining('Unresolved tag: !env')],
        [tagLines[1], expect.stringContaining('Unresolved tag: !env')],
        [tagLines[2], expect.stringContaining('Unresolved tag: !terraform.output')],
      ]);

      // ...and with them (sent as VS Code does on a settings change), only the real mistakes remain.
      await client.changeSettings(yamlSettings(ws));
      const tagged = await client.diagnostics(uri, (d) => onTagLines(d).length === 0 && fromSchema(d));
      expect(byLine(tagged).map((d) => d.range.start.line + 1)).toEqual([6, 7, 8]);
      expect(tagged.map((d) => d.message).join('\n')).not.toMatch(/tag/i);
    },
  );

  it(
    "completes a component's Terraform variable names, with their descriptions, inside its vars",
    { timeout: 60_000 },
    async () => {
      const ws = await exampleWorkspace({ [COMPLETION]: COMPLETION_TEXT });
      const client = await startServer(ws, yamlSettings(ws));
      const uri = ws.uri(COMPLETION);
      await client.open(uri, COMPLETION_TEXT);
      // A valid file: the server finds nothing to underline.
      expect(await client.diagnostics(uri, () => true)).toEqual([]);

      // On the blank line under `vpc: vars:` (line 6, column 9).
      const vpcItems = await client.completion(uri, { line: 5, character: 8 });
      const vpc = new Map(vpcItems.map((i) => [i.label, i]));
      expect([...vpc.keys()]).toEqual(
        expect.arrayContaining(['cidr_block', 'subnet_newbits', 'nat_gateway_mode', 'flow_logs', 'tags']),
      );
      expect(documentation(vpc.get('cidr_block'))).toBe('IPv4 CIDR block of the VPC.');
      expect(documentation(vpc.get('subnet_newbits'))).toBe(
        'Bits added to the VPC prefix length for each subnet (4 turns a /16 into /20s).',
      );
      expect(documentation(vpc.get('nat_gateway_mode'))).toBe(
        'NAT gateways: `none`, `single` (one shared) or `per_az` (one per AZ).',
      );
      expect(vpc.get('cidr_block')?.insertText).toBe('cidr_block: ');
      // Only this component's variables, minus the ones already set.
      expect(vpc.has('name')).toBe(false);
      expect(vpc.has('image')).toBe(false);

      // Another component gets its own variables (app/api → components/terraform/app).
      const appItems = await client.completion(uri, { line: 9, character: 8 });
      const app = appItems.map((i) => i.label);
      expect(app).toEqual(expect.arrayContaining(['image', 'memory', 'desired_count']));
      expect(app).not.toContain('cpu');
      expect(app).not.toContain('cidr_block');

      // Hovering a var name shows its description too.
      const hover = (await client.hover(ws.uri(COMPLETION), positionOf(COMPLETION_TEXT, 'name: main'))) as {
        contents: { value: string };
      } | null;
      expect(hover?.contents.value).toContain('Name of the VPC');

      // After `nat_gateway_mode: `, the values its validation allows.
      const valuesText = 'components:\n  terraform:\n    vpc:\n      vars:\n        nat_gateway_mode: \n';
      await client.open(ws.uri(VALUES), valuesText);
      const values = await client.completion(ws.uri(VALUES), { line: 4, character: 26 });
      expect(values.map((i) => i.label)).toEqual(expect.arrayContaining(['none', 'single', 'per_az']));
    },
  );
});

describe('the bundled example in an editor', () => {
  it(
    'shows no schema problem in any of its manifests (partial vars and objects in layered files)',
    { timeout: 120_000 },
    async () => {
      const ws = await exampleWorkspace({});
      const client = await startServer(ws, yamlSettings(ws));
      const files = readdirSync(join(ws.root, 'stacks'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yaml'))
        .sort();
      expect(files.length).toBeGreaterThan(40);
      const problems: string[] = [];
      for (const file of files) {
        const uri = ws.uri(`stacks/${file}`);
        await client.open(uri, ws.text(`stacks/${file}`));
        for (const d of await client.diagnostics(uri, () => true))
          problems.push(`${file}:${d.range.start.line + 1}: ${d.message}`);
      }
      expect(problems).toEqual([]);
    },
  );
});
