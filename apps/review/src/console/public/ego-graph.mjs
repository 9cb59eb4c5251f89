import { h, svg } from './dom.mjs';

const COLORS = {
  Company: '#1f6feb',
  Person: '#7b1fa2',
  Phone: '#00897b',
  Address: '#6d4c41',
  Account: '#f9a825',
  Loan: '#546e7a',
};
const W = 800;
const HEIGHT = 460;

/** A small force layout (repulsion, springs, centring), run a fixed number of steps. */
function layout(nodes, edges, centerId) {
  const pos = new Map(
    nodes.map((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
      return [n.id, { x: W / 2 + 160 * Math.cos(a), y: HEIGHT / 2 + 160 * Math.sin(a), vx: 0, vy: 0 }];
    }),
  );
  const c = pos.get(centerId);
  if (c) {
    c.x = W / 2;
    c.y = HEIGHT / 2;
  }
  for (let step = 0; step < 220; step++) {
    for (const a of pos.values()) {
      for (const b of pos.values()) {
        if (a === b) continue;
        const dx = a.x - b.x;
        const dy = a.y - b.y;
        const d2 = Math.max(25, dx * dx + dy * dy);
        a.vx += (dx / d2) * 900;
        a.vy += (dy / d2) * 900;
      }
    }
    for (const e of edges) {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      if (!a || !b) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d - 70) * 0.02;
      a.vx += (dx / d) * f;
      a.vy += (dy / d) * f;
      b.vx -= (dx / d) * f;
      b.vy -= (dy / d) * f;
    }
    for (const [id, p] of pos) {
      p.vx += (W / 2 - p.x) * 0.005;
      p.vy += (HEIGHT / 2 - p.y) * 0.005;
      if (id === centerId) {
        p.vx = 0;
        p.vy = 0;
      }
      p.x = Math.min(W - 15, Math.max(15, p.x + p.vx * 0.5));
      p.y = Math.min(HEIGHT - 15, Math.max(15, p.y + p.vy * 0.5));
      p.vx *= 0.6;
      p.vy *= 0.6;
    }
  }
  return pos;
}

/** Interactive ego graph: drag nodes, click one to focus its neighbours; risky paths in red. */
export function egoGraph(graph) {
  const { nodes, edges, center } = graph;
  const pos = layout(nodes, edges, center);
  const edgeEls = edges.map((e) =>
    svg(
      'line',
      { class: `edge${e.risky ? ' risky' : ''}`, 'data-from': e.from, 'data-to': e.to },
      svg('title', {}, e.type),
    ),
  );
  const nodeEls = nodes.map((n) =>
    svg(
      'g',
      { class: `node${n.risky ? ' risky' : ''}`, 'data-id': n.id, 'data-testid': 'graph-node' },
      svg('circle', { r: n.id === center ? 13 : 8, fill: n.defaulted ? '#c62828' : (COLORS[n.label] ?? '#90a4ae') }),
      svg('text', { x: 12, y: 4 }, n.name || n.id),
      svg('title', {}, `${n.label}: ${n.name || n.id}${n.defaulted ? ' (defaulted)' : ''}`),
    ),
  );
  const root = svg(
    'svg',
    { viewBox: `0 0 ${W} ${HEIGHT}`, 'data-testid': 'ego-graph' },
    svg('g', {}, edgeEls),
    svg('g', {}, nodeEls),
  );
  const draw = () => {
    edgeEls.forEach((el, i) => {
      const a = pos.get(edges[i].from);
      const b = pos.get(edges[i].to);
      if (a && b) {
        el.setAttribute('x1', a.x);
        el.setAttribute('y1', a.y);
        el.setAttribute('x2', b.x);
        el.setAttribute('y2', b.y);
      }
    });
    nodeEls.forEach((el, i) => {
      const p = pos.get(nodes[i].id);
      el.setAttribute('transform', `translate(${p.x},${p.y})`);
    });
  };
  let dragging = null;
  let focused = null;
  const toSvg = (evt) => {
    const r = root.getBoundingClientRect();
    return { x: ((evt.clientX - r.left) / r.width) * W, y: ((evt.clientY - r.top) / r.height) * HEIGHT };
  };
  nodeEls.forEach((el, i) => {
    el.addEventListener('pointerdown', (evt) => {
      dragging = nodes[i].id;
      el.setPointerCapture(evt.pointerId);
    });
    el.addEventListener('click', () => focus(nodes[i].id));
  });
  root.addEventListener('pointermove', (evt) => {
    if (!dragging) return;
    const p = pos.get(dragging);
    Object.assign(p, toSvg(evt));
    draw();
  });
  root.addEventListener('pointerup', () => {
    dragging = null;
  });
  function focus(id) {
    focused = focused === id ? null : id;
    const near = new Set([focused]);
    edges.forEach((e) => {
      if (e.from === focused) near.add(e.to);
      if (e.to === focused) near.add(e.from);
    });
    nodeEls.forEach((el, i) => el.classList.toggle('dim', focused !== null && !near.has(nodes[i].id)));
    edgeEls.forEach((el, i) =>
      el.classList.toggle('dim', focused !== null && edges[i].from !== focused && edges[i].to !== focused),
    );
  }
  draw();
  const legend = h(
    'div',
    { class: 'legend' },
    // Swatches are SVG with a fill attribute: the content security policy refuses inline styles.
    ...Object.entries(COLORS).map(([k, c]) => h('span', {}, swatch('circle', c), ` ${k}`)),
    h('span', {}, swatch('line', '#c62828'), ' risky path'),
    h('span', { class: 'muted' }, `${nodes.length} nodes, ${edges.length} edges; drag to move, click to focus`),
  );
  return h('div', { class: 'graph' }, root, legend);
}

function swatch(shape, color) {
  const mark =
    shape === 'circle'
      ? svg('circle', { cx: 6, cy: 6, r: 5, fill: color })
      : svg('line', { x1: 0, y1: 6, x2: 12, y2: 6, stroke: color, 'stroke-width': 3 });
  return svg('svg', { width: 12, height: 12, class: 'swatch' }, mark);
}
