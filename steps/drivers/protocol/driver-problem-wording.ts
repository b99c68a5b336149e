// The driver protocol's wording of ajv errors, on top of the shared French translation
// (simulator/validation/ajv-problems.ts): a missing property is pointed at itself, and the
// `status` of an action result (a JSON Schema discriminator) is said in the vendor's terms.
import type { ErrorObject } from 'ajv';
import type { AjvProblemOptions } from '../../../simulator/public-api.ts';
import { quoted } from '../../../simulator/tooling-api.ts';

export const DRIVER_PROBLEM_WORDING: AjvProblemOptions = {
  requiredAt: 'property',
  schemaFix: 'consultez les schémas de steps/drivers/protocol/schemas/ et leur spécification (README.md)',
  wordings: { discriminator: discriminatorWording },
};

function discriminatorWording(error: ErrorObject): { message: string; fix: string } {
  const tag = String(error.params['tag']);
  const allowed = allowedTags(error.parentSchema);
  const value = error.params['tagValue'];
  const message = value === undefined ? `propriété ${quoted(tag)} absente ou non textuelle` : `valeur ${quoted(value)} de ${quoted(tag)} non admise`;
  return { message, fix: `donnez à ${quoted(tag)} l'une des valeurs ${allowed.map((name) => quoted(name)).join(', ')}` };
}

/** The `const` of the tag property in each `oneOf` branch. */
function allowedTags(schema: unknown): string[] {
  const { oneOf, discriminator } = (schema ?? {}) as { oneOf?: unknown[]; discriminator?: { propertyName?: string } };
  const tag = discriminator?.propertyName ?? '';
  return (oneOf ?? []).flatMap((branch) => {
    const value = (branch as { properties?: Record<string, { const?: unknown }> }).properties?.[tag]?.const;
    return typeof value === 'string' ? [value] : [];
  });
}
