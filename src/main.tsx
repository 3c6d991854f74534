/** Entry point: reads the saved language and last place, then mounts the app. */
import './app/parse-without-eval';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { bootstrap } from './app/bootstrap';
import './app/styles.css';

const container = document.getElementById('root');
if (container) void bootstrap(container, { createRoot, hydrateRoot });
