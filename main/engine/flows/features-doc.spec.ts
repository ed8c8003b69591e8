import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW_COLUMNS } from './flow-columns';

/** The rows of every markdown table in FEATURES.md whose first cell is a `code` column name. */
function documentedColumns(): { name: string; definition: string; unit: string }[] {
  const text = readFileSync(new URL('./FEATURES.md', import.meta.url), 'utf8');
  const rows: { name: string; definition: string; unit: string }[] = [];
  for (const line of text.split('\n')) {
    const match = /^\|\s*`([a-z0-9_]+)`\s*\|(.*)\|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    const [, name = '', definition = '', unit = ''] = match;
    rows.push({ name, definition: definition.trim().replaceAll('\\|', '|'), unit: unit.trim() });
  }
  return rows;
}

describe('FEATURES.md', () => {
  it('should list every flow column, in order, with the definition and unit in flow-columns.ts', () => {
    expect(documentedColumns()).toEqual(FLOW_COLUMNS.map(({ name, definition, unit }) => ({ name, definition, unit })));
  });
});
