import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, schemaFile } from '../../scripts/api-types.ts';

describe("the pages' API types", () => {
  it('are what the routes make now (run `npm run api-types` after changing a route)', async () => {
    const committed = readFileSync(schemaFile, 'utf8');
    expect(committed === (await apiTypes()), 'host/web/api/schema.ts is out of date: run `npm run api-types`').toBe(true);
  }, 60_000);

  it('name a type for every view the document leaves without properties', async () => {
    const document = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Mystery: { type: 'object' } } } } as const;
    await expect(apiTypes(structuredClone(document) as never)).rejects.toThrow(/Mystery/);
  });
});
