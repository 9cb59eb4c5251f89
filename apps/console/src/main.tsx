import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app';
import './styles.css';

// Cytoscape writes a <style> element unless one with this id exists; the content security
// policy refuses inline styles, so a placeholder stands in and styles.css carries its one rule.
const placeholder = document.createElement('meta');
placeholder.id = '__________cytoscape_stylesheet';
document.head.append(placeholder);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
