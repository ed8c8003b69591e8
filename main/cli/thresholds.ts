/**
 * `wirewatch thresholds [RULE]`: every detection threshold with its default, its unit and why the
 * default is what it is (detect/threshold-docs.ts, the short form of the comment beside the default
 * in the rule's file), so a value for `--threshold` is chosen knowing what it counts.
 */
import { parseArgs } from 'node:util';
import type { ThresholdInfo } from '../../preload/api/settings';
import { thresholdCatalogue } from '../engine/detect/threshold-catalogue';
import { UsageError } from './usage-error';

/** Reasons are wrapped to this width (with their indent), readable in an 80-column terminal and beyond. */
const WIDTH = 100;
const INDENT = '    ';

/** What a value is counted in: the documented unit, or what kind of value it takes when it counts nothing. */
function unitText(info: ThresholdInfo): string {
  const kind = { number: 'number', boolean: 'true or false', list: 'comma-separated list', text: 'text' }[info.type];
  if (info.unit === '') return kind;
  return info.type === 'list' ? `${info.unit}, ${kind}` : info.unit;
}

/** Words laid into lines of at most `width` characters after the indent (a longer word gets its own line). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function thresholdsCommand(argv: readonly string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      brief: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError('name at most one rule');
  const catalogue = thresholdCatalogue({});
  const rule = positionals[0];
  const shown = rule === undefined ? catalogue : catalogue.filter((info) => info.rule === rule);
  if (shown.length === 0) {
    const rules = [...new Set(catalogue.map((info) => info.rule))];
    throw new UsageError(`no rule named ${rule ?? ''}; rules: ${rules.join(', ')}`);
  }
  if (values.json) {
    for (const info of shown) {
      out(
        JSON.stringify({
          key: info.key,
          default: info.defaultValue,
          type: info.type,
          unit: info.unit,
          reason: info.reason,
        }),
      );
    }
    return 0;
  }
  for (const info of shown) {
    // The first line stays `RULE.NAME = DEFAULT` in every form, so scripts grepping it keep working.
    out(`${info.key} = ${info.defaultValue}`);
    if (values.brief) continue;
    out(`${INDENT}unit: ${unitText(info)}`);
    for (const line of wrap(info.reason, WIDTH - INDENT.length)) out(`${INDENT}${line}`);
  }
  return 0;
}
