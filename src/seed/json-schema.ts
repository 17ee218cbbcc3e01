/** The JSON Schemas of the annotation, registry and background files, generated from the zod schemas the loader uses. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { annotationInputSchema, backgroundSchema, registrySchema } from './annotation.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../seed/schema/', import.meta.url));

export const SCHEMA_FILES = {
  annotation: path.join(SCHEMA_DIR, 'annotation.schema.json'),
  registry: path.join(SCHEMA_DIR, 'registry.schema.json'),
  background: path.join(SCHEMA_DIR, 'background.schema.json'),
};

/** Each schema as its file's content. */
export function jsonSchemas(): Record<keyof typeof SCHEMA_FILES, string> {
  const write = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
  return { annotation: write(annotationInputSchema), registry: write(registrySchema), background: write(backgroundSchema) };
}
