/**
 * Custom functions metadata: `functions.json` is generated from the JSDoc of
 * `addin/src/functions/functions.ts` by `custom-functions-metadata` (never written by hand);
 * `functions.fa-IR.json` is the same file with the Persian descriptions of
 * `addin/src/functions/metadata.fa.ts` put in (the manifest serves it to Excel in Persian).
 * Build-time code (Node): used by the Vite plugin, the benchmark and the tests.
 */
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import type { FunctionTextFa } from '../src/functions/metadata.fa';
import { FUNCTION_TEXT_FA } from '../src/functions/metadata.fa';

/** One parameter in `functions.json`. */
export interface ParameterMetadata {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

/** One function in `functions.json`. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

/** The whole of `functions.json`. */
export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  enums?: unknown[];
}

/** Both metadata files and which JavaScript function implements each id. */
export interface GeneratedMetadata {
  en: FunctionsMetadata;
  fa: FunctionsMetadata;
  /** `functionName` in the source file → `id` in `functions.json`, from the generator. */
  associate: Array<{ functionName: string; id: string }>;
}

/** Runs `custom-functions-metadata` on the functions source file; throws with its errors. */
export async function generateMetadata(sourceFile: string): Promise<GeneratedMetadata> {
  const result = await generateCustomFunctionsMetadata(sourceFile);
  if (result.errors.length > 0)
    throw new Error(`custom-functions-metadata:\n${result.errors.join('\n')}`);
  const en = JSON.parse(result.metadataJson) as FunctionsMetadata;
  return {
    en,
    fa: translateMetadata(en, FUNCTION_TEXT_FA),
    associate: result.associate.map(({ functionName, id }) => ({ functionName, id })),
  };
}

/**
 * The metadata with Persian descriptions. Every function and parameter must have a
 * translation and every translation a function, so the two files cannot drift apart.
 */
export function translateMetadata(
  en: FunctionsMetadata,
  text: Readonly<Record<string, FunctionTextFa>>,
): FunctionsMetadata {
  const problems: string[] = [];
  const seen = new Set<string>();
  const functions = en.functions.map((f) => {
    seen.add(f.id);
    const t = text[f.id];
    if (!t) {
      problems.push(`no Persian text for ${f.id}`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters))
      if (!names.has(name)) problems.push(`Persian text for unknown parameter ${f.id}(${name})`);
    return {
      ...f,
      description: t.description,
      parameters: f.parameters.map((p) => {
        const d = t.parameters[p.name];
        if (d === undefined) problems.push(`no Persian text for ${f.id}(${p.name})`);
        return { ...p, description: d ?? p.description };
      }),
    };
  });
  for (const id of Object.keys(text))
    if (!seen.has(id)) problems.push(`Persian text for unknown function ${id}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { ...en, functions };
}
