import type { z } from 'zod';

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/**
 * The fields a value leaves out that `schema` would fill with a default, as dotted paths. A file may rely on
 * defaults; a request that replaces a whole document may not, or a forgotten field silently becomes its
 * default (an empty body would reset every rule). Optional fields may be left out.
 */
export function missingFields(schema: z.ZodType, value: unknown, path = ''): string[] {
  const object = unwrapDefaults(schema);
  const shape = defOf(object).type === 'object' ? defOf(object).shape : undefined;
  if (!shape || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const missing: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const where = path === '' ? key : `${path}.${key}`;
    const type = defOf(field).type;
    if (type === 'optional') continue;
    if (!Object.hasOwn(value, key)) missing.push(where);
    else missing.push(...missingFields(field, (value as Record<string, unknown>)[key], where));
  }
  return missing;
}

function unwrapDefaults(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); (def.type === 'default' || def.type === 'prefault') && def.innerType; ) {
    current = def.innerType;
    def = defOf(current);
  }
  return current;
}
