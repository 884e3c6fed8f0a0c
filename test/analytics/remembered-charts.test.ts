import { describe, expect, it } from 'vitest';
import { completionSmallMultiple } from '../../views/charts/overview.js';
import { remembered } from '../../views/charts/plot.js';

describe('charts: drawn once per data', () => {
  it('draws again only for different data', () => {
    let draws = 0;
    const chart = remembered('test-chart', (values: (number | null)[], title?: string) => {
      draws += 1;
      return `<svg>${title ?? '-'}:${values.join(',')}</svg>`;
    });
    expect(chart([1, 2], 'a')).toBe('<svg>a:1,2</svg>');
    expect(chart([1, 2], 'a')).toBe('<svg>a:1,2</svg>');
    expect(draws).toBe(1);
    chart([1, 3], 'a');
    chart([1, 2], 'b');
    expect(draws).toBe(3);
    // JSON alone writes NaN as null and drops undefined: these stay apart.
    expect(chart([Number.NaN])).toBe('<svg>-:NaN</svg>');
    expect(chart([null])).toBe('<svg>-:</svg>');
    expect(chart([1], undefined)).toBe('<svg>-:1</svg>');
    expect(chart([1], 'undefined')).toBe('<svg>undefined:1</svg>');
    expect(draws).toBe(7);
  });

  it('gives the very figure a fresh drawing gives', () => {
    const points = [
      { period: '2021-03-31', completion: 0.2 },
      { period: '2021-06-30', completion: 0.45 },
    ];
    const meta = { title: '城镇新增就业', year: 2021, deadline: '2021-12-31', status: '正常' };
    const first = completionSmallMultiple(points, meta);
    expect(first).toContain('<svg');
    expect(first).toContain('45%');
    expect(completionSmallMultiple(points, meta)).toBe(first);
    const later = completionSmallMultiple([...points, { period: '2021-09-30', completion: 0.7 }], meta);
    expect(later).not.toBe(first);
    expect(later).toContain('70%');
  });
});
