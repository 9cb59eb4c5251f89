import { h, svg } from './dom.mjs';

/** A small vertical bar chart as inline SVG. */
export function barChart(data, { width = 420, height = 180, color = '#1f6feb', testid } = {}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const pad = 28;
  const bw = data.length ? (width - pad * 2) / data.length : 0;
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-testid': testid, width: '100%' },
    svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: '#ccd' }),
    ...data.map((d, i) => {
      const bh = ((height - pad * 2) * d.value) / max;
      const x = pad + i * bw + bw * 0.1;
      return svg(
        'g',
        {},
        svg(
          'rect',
          { x, y: height - pad - bh, width: bw * 0.8, height: bh, fill: d.color ?? color },
          svg('title', {}, `${d.label}: ${d.value}`),
        ),
        svg(
          'text',
          { x: x + bw * 0.4, y: height - pad - bh - 4, 'text-anchor': 'middle', 'font-size': 11 },
          String(d.value),
        ),
        svg(
          'text',
          { x: x + bw * 0.4, y: height - 10, 'text-anchor': 'middle', 'font-size': 10, fill: '#667' },
          d.label,
        ),
      );
    }),
  );
}

/** A single-value gauge as a horizontal bar. */
export function meter(label, value, max, unit, testid) {
  const w = Math.max(0, Math.min(1, max ? value / max : 0)) * 300;
  return h(
    'div',
    { 'data-testid': testid },
    h('div', {}, `${label}: `, h('strong', {}, value === null ? 'n/a' : `${value}${unit}`)),
    svg(
      'svg',
      { viewBox: '0 0 300 12', width: '300', height: '12' },
      svg('rect', { x: 0, y: 0, width: 300, height: 12, fill: '#e8eef7' }),
      svg('rect', { x: 0, y: 0, width: w, height: 12, fill: '#1f6feb' }),
    ),
  );
}
