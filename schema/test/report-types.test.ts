import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaPath } from '../src/compose.ts';

/**
 * docs/decisions/0007-where-reports-live.md: the report types hold numbers, money, dates, enums and
 * organizations, never a person. An Organization is where the walk stops: its own fields have their own rules.
 */
const REPORT_ROOTS = ['MemberMonthlyFigures', 'DuesMonthlyFigures', 'TransferMonthlyFigures', 'MonthlyReport', 'SubordinateReport'];
const STOP_AT = new Set(['Organization']);
const PERSONAL = /fullName|citizenId|birthDate|phone|member(Id)?$|submittedBy/i;

function reachable(schema: ReturnType<typeof buildSchema>, root: string): GraphQLNamedType[] {
  const seen = new Map<string, GraphQLNamedType>();
  const walk = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.set(type.name, type);
    if (STOP_AT.has(type.name) || !isObjectType(type)) return;
    for (const field of Object.values(type.getFields())) walk(getNamedType(field.type));
  };
  walk(schema.getType(root)!);
  return [...seen.values()];
}

describe('report types', () => {
  const schema = buildSchema(readFileSync(apiSchemaPath, 'utf8'));

  it.each(REPORT_ROOTS)('%s reaches no Member and no personal field', (root) => {
    const types = reachable(schema, root);
    expect(types.map((type) => type.name)).not.toContain('Member');
    const fields = types.filter((type) => isObjectType(type) && !STOP_AT.has(type.name)).flatMap((type) => Object.keys((type as { getFields(): object }).getFields()).map((name) => `${type.name}.${name}`));
    expect(fields.filter((name) => PERSONAL.test(name.split('.')[1]!))).toEqual([]);
  });
});
