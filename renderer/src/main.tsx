import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { tilde } from './tilde';
import { errorMessage } from './shared/index';
import { windowSession } from './project/index';
import { startWorkspace } from './workspace/index';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
try {
  startWorkspace(tilde(), window.localStorage, windowSession(window.sessionStorage));
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} catch (e) {
  container.textContent = `Tilde cannot start: ${errorMessage(e)}`;
}
