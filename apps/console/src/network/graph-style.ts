import type { StylesheetJson } from 'cytoscape';

/** One colour per node type; each also has its own shape so colour is never the only cue. */
export const NODE_TYPES: Record<string, { color: string; shape: string }> = {
  Company: { color: '#1f6feb', shape: 'ellipse' },
  Person: { color: '#7b1fa2', shape: 'diamond' },
  Phone: { color: '#00796b', shape: 'round-rectangle' },
  Address: { color: '#6d4c41', shape: 'round-triangle' },
  Account: { color: '#8d6e00', shape: 'round-pentagon' },
  Loan: { color: '#546e7a', shape: 'round-hexagon' },
};

export const RISK = '#c62828';
export const CYCLE = '#e65100';
export const HIGHLIGHT = '#ffb300';

export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 14,
      height: 14,
      label: '',
      'font-size': 11,
      color: '#1d2733',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'node.labelled', style: { label: 'data(name)' } },
  { selector: 'node.center', style: { width: 26, height: 26, 'border-width': 3, 'border-color': '#0f1b2a' } },
  { selector: 'node.defaulted', style: { 'border-width': 4, 'border-color': RISK } },
  { selector: 'node.sanctioned', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#000000' } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#9aa5b1',
      'curve-style': 'straight',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#9aa5b1',
      'arrow-scale': 0.6,
    },
  },
  { selector: 'edge.risky', style: { 'line-color': RISK, 'target-arrow-color': RISK, width: 2 } },
  {
    selector: 'edge.cycle',
    style: { 'line-color': CYCLE, 'target-arrow-color': CYCLE, width: 3, 'line-style': 'dashed' },
  },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': HIGHLIGHT, label: 'data(name)' } },
  { selector: 'edge.path', style: { 'line-color': HIGHLIGHT, 'target-arrow-color': HIGHLIGHT, width: 4 } },
  { selector: 'node:selected', style: { 'overlay-color': HIGHLIGHT, 'overlay-opacity': 0.35, label: 'data(name)' } },
];
