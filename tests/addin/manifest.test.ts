/**
 * @jest-environment jsdom
 *
 * The add-in manifest, checked here because it cannot be validated online on these machines
 * (office-addin-manifest posts it to a remote service): well-formed XML, the shared-runtime
 * rules, every resid defined and every resource used, every URL on the configured origin,
 * Persian display strings, icons that exist at their declared sizes, ribbon actions that the
 * runtime registers, and a new <Version> whenever functions.json changes.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allIcons, pngSize } from '../../addin/build/icons';
import type { ManifestHistory } from '../../addin/build/manifest';
import {
  DEFAULT_BASE_URL,
  compareVersions,
  currentRelease,
  metadataHash,
  normaliseBaseUrl,
  renderManifest,
} from '../../addin/build/manifest';
import { generateMetadata } from '../../addin/build/metadata';
import { registerCommands } from '../../addin/src/commands/commands';

const repo = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const template = read('addin/manifest.template.xml');
const history = JSON.parse(read('addin/manifest-versions.json')) as ManifestHistory;
const version = currentRelease(history).version;

const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Elements by local name in any namespace. */
const all = (root: Document | Element, name: string) => [...root.getElementsByTagNameNS('*', name)];
const one = (root: Document | Element, name: string) => {
  const found = all(root, name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** A direct child of the manifest's root element. */
const top = (doc: Document, name: string) => {
  const found = [...doc.documentElement.children].filter((e) => e.localName === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const xsiType = (e: Element) => e.getAttributeNS(XSI, 'type');

/** Every manifest the tests look at: the committed default and one for another service. */
const OTHER_BASE = 'https://plan.example.ir/budget/addin/';
const manifests: Array<[string, string, Document]> = [
  [DEFAULT_BASE_URL, read('manifest.xml'), parse(read('manifest.xml'))],
  [
    OTHER_BASE,
    renderManifest(template, OTHER_BASE, version),
    parse(renderManifest(template, OTHER_BASE, version)),
  ],
];

describe('manifest.xml at the repository root', () => {
  it('is the template filled for the default origin and the current version', () => {
    expect(read('manifest.xml')).toBe(renderManifest(template, DEFAULT_BASE_URL, version));
  });

  it('needs an https base URL', () => {
    expect(() => normaliseBaseUrl('http://localhost:3000/addin/')).toThrow(/https/);
    expect(normaliseBaseUrl('https://plan.example.ir/addin').href).toBe(
      'https://plan.example.ir/addin/',
    );
  });
});

describe.each(manifests)('the manifest for %s', (base, xml, doc) => {
  const origin = new URL(base).origin;

  it('is a task pane add-in for Excel (Workbook) with a version and an id', () => {
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(xsiType(doc.documentElement)).toBe('TaskPaneApp');
    expect(one(doc, 'Id').textContent).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    expect(one(doc, 'Version').textContent).toBe(version);
    expect(all(top(doc, 'Hosts'), 'Host')[0]!.getAttribute('Name')).toBe('Workbook');
    expect(xml).not.toMatch(/\{\{\w+\}\}/);
  });

  it('follows the shared-runtime rules', () => {
    const sets = all(doc, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(sets).toContainEqual(['SharedRuntime', '1.1']);
    const host = all(doc, 'Host').find((h) => xsiType(h) === 'Workbook')!;
    // <Runtimes> comes first under the Workbook host, with one long-lived runtime.
    expect(host.firstElementChild?.localName).toBe('Runtimes');
    const runtime = one(host, 'Runtime');
    expect(runtime.getAttribute('lifetime')).toBe('long');
    const runtimeId = runtime.getAttribute('resid');
    const functions = all(host, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions')!;
    expect(one(one(functions, 'Page'), 'SourceLocation').getAttribute('resid')).toBe(runtimeId);
    expect(one(host, 'FunctionFile').getAttribute('resid')).toBe(runtimeId);
    for (const action of all(host, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane'))
      expect(one(action, 'SourceLocation').getAttribute('resid')).toBe(runtimeId);
    // The default page is the runtime's page too.
    const runtimeUrl = all(doc, 'Url').find((u) => u.getAttribute('id') === runtimeId);
    expect(one(one(doc, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe(
      runtimeUrl?.getAttribute('DefaultValue'),
    );
    expect(one(doc, 'Namespace').getAttribute('resid')).toBe('Functions.Namespace');
  });

  it('defines every resid it uses, once, and uses every resource it defines', () => {
    const resources = ['Image', 'Url', 'String'].flatMap((n) =>
      [...doc.getElementsByTagNameNS(BT, n)].filter((e) => e.hasAttribute('id')),
    );
    const ids = resources.map((r) => r.getAttribute('id')!);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(
      [...doc.getElementsByTagName('*')].flatMap((e) =>
        e.hasAttribute('resid') ? [e.getAttribute('resid')!] : [],
      ),
    );
    for (const resid of used) expect(ids).toContain(resid);
    for (const id of ids) expect(used).toContain(id);
    // The schema allows resids of up to 32 characters.
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('points every URL at the configured origin, over https', () => {
    const urls = [
      ...[...doc.getElementsByTagName('*')].flatMap((e) =>
        ['DefaultValue', 'Value']
          .map((a) => e.getAttribute(a))
          .filter((v): v is string => v !== null && /^[a-z]+:\/\//i.test(v)),
      ),
      ...all(doc, 'AppDomain').map((e) => e.textContent ?? ''),
    ];
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(new URL(url).origin).toBe(origin);
    for (const url of urls.filter((u) => u !== origin)) expect(url.startsWith(base)).toBe(true);
  });

  it('shows every display string in Persian too, within the schema lengths', () => {
    const strings = [...doc.getElementsByTagNameNS(BT, 'String')];
    for (const s of strings) {
      const limit = s.parentElement?.localName === 'ShortStrings' ? 125 : 250;
      expect(s.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(limit);
      if (s.getAttribute('id') === 'Functions.Namespace') {
        expect(s.getAttribute('DefaultValue')).toBe('PLAN');
        continue;
      }
      const fa = [...s.children].find((o) => o.getAttribute('Locale') === 'fa-IR');
      expect(fa?.getAttribute('Value')).toMatch(/[\u0600-\u06ff]/);
      expect(fa!.getAttribute('Value')!.length).toBeLessThanOrEqual(limit);
    }
    for (const name of ['DisplayName', 'Description']) {
      const fa = all(top(doc, name), 'Override').find((o) => o.getAttribute('Locale') === 'fa-IR');
      expect(fa?.getAttribute('Value')).toMatch(/[\u0600-\u06ff]/);
    }
    // Excel in Persian gets the functions' Persian descriptions.
    const metadata = all(doc, 'Url').find(
      (u) => u.getAttribute('id') === 'Functions.Metadata.Url',
    )!;
    expect(all(metadata, 'Override')[0]!.getAttribute('Value')).toBe(`${base}functions.fa-IR.json`);
  });

  it('has a ribbon group "Plan" whose buttons run actions the runtime registers', () => {
    const group = one(doc, 'Group');
    const label = group.getElementsByTagNameNS('*', 'Label')[0]!.getAttribute('resid');
    const labelText = [...doc.getElementsByTagNameNS(BT, 'String')].find(
      (s) => s.getAttribute('id') === label,
    );
    expect(labelText?.getAttribute('DefaultValue')).toBe('Plan');
    const controls = all(group, 'Control');
    expect(controls.length).toBeGreaterThanOrEqual(4);
    const ids = [...doc.getElementsByTagName('*')].flatMap((e) =>
      ['Group', 'Control'].includes(e.localName) ? [e.getAttribute('id')] : [],
    );
    expect(new Set(ids).size).toBe(ids.length);
    const registered = registerCommands({
      actions: { associate: () => {} },
      addin: { showAsTaskpane: async () => {} },
    });
    const names = all(group, 'FunctionName').map((f) => f.textContent);
    expect(names.sort()).toEqual([...registered].sort());
  });

  it('uses icons that exist at the sizes it declares', () => {
    for (const image of [...doc.getElementsByTagNameNS(BT, 'Image')].filter((i) =>
      i.hasAttribute('id'),
    )) {
      const url = image.getAttribute('DefaultValue')!;
      const file = path.join(repo, 'addin', 'public', url.slice(base.length));
      const size = pngSize(readFileSync(file));
      const declared = Number(/-(\d+)\.png$/.exec(url)![1]);
      expect(size).toEqual({ width: declared, height: declared });
    }
  });
});

describe('the icons', () => {
  it('are the ones addin/build/icons.ts draws (scripts/addin-icons.ts rewrites them)', () => {
    for (const { file, png } of allIcons())
      expect(readFileSync(path.join(repo, 'addin', 'public', 'assets', file)).equals(png)).toBe(
        true,
      );
  });
});

describe('the manifest version', () => {
  it('only ever goes up', () => {
    const versions = history.releases.map((r) => r.version);
    for (let i = 1; i < versions.length; i++)
      expect(compareVersions(versions[i]!, versions[i - 1]!)).toBeGreaterThan(0);
  });

  it('was bumped when functions.json last changed', async () => {
    const source = path.join(repo, 'addin', 'src', 'functions', 'functions.ts');
    const { en, fa } = await generateMetadata(source);
    const hash = metadataHash(en, fa);
    // On failure: Office keeps serving the old functions.json until the manifest version
    // changes. Record a release: node --import tsx scripts/addin-manifest.ts --release "what changed"
    expect({ version, metadataSha256: currentRelease(history).metadataSha256 }).toEqual({
      version,
      metadataSha256: hash,
    });
  });

  it('notices any change of a function, even of a description', () => {
    const meta = { functions: [{ id: 'A', name: 'A', parameters: [], description: 'x' }] };
    const changed = { functions: [{ ...meta.functions[0], description: 'y' }] };
    expect(metadataHash(meta, meta)).not.toBe(metadataHash(changed, meta));
    expect(metadataHash(meta, meta)).not.toBe(metadataHash(meta, changed));
  });
});
