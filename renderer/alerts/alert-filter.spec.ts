import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../router';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  filterFromParams,
  filterProblems,
  isEmptyFilter,
  sortFromParams,
  viewParams,
} from './alert-filter';

describe('alert filters in the URL', () => {
  it('should round-trip a whole view through the route', () => {
    const filter = {
      ...EMPTY_FILTER,
      text: 'ssh',
      kinds: ['brute_force' as const, 'port_scan' as const],
      severities: ['high' as const],
      statuses: ['new' as const],
      src: '10.77.0.0/16',
      dst: '2001:db8::/32',
      port: 22,
      from: 1_795_268_600,
      to: 1_795_268_700.5,
      origin: 'file:/data/lab one.pcap',
      showSuppressed: true,
    };
    const sort = { column: 'source' as const, direction: 'ascending' as const };
    const route = parseRoute(routeHash('alerts', viewParams(filter, sort, 'abc')));
    expect(filterFromParams(route.params)).toEqual(filter);
    expect(sortFromParams(route.params)).toEqual(sort);
    expect(route.params.alert).toBe('abc');
  });

  it('should leave defaults out of the URL and ignore what it does not know', () => {
    expect(viewParams(EMPTY_FILTER, DEFAULT_SORT, null)).toEqual({});
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(filterFromParams({ kind: 'port_scan,teleport', port: '70000', from: 'yesterday', sort: 'colour' })).toEqual({
      ...EMPTY_FILTER,
      kinds: ['port_scan'],
    });
    expect(sortFromParams({ sort: 'colour' })).toEqual(DEFAULT_SORT);
  });

  it('should name what is wrong with a filter', () => {
    const problems = filterProblems({ ...EMPTY_FILTER, src: '10.0.0.0/99', from: 10, to: 5 });
    expect(Object.keys(problems).sort()).toEqual(['src', 'time']);
    expect(problems.src).toMatch(/10\.0\.0\.0\/99 is not an IP address or CIDR block/);
    expect(problems.time).toBe('the range ends before it starts');
  });
});
