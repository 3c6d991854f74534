/**
 * Entry point. The first page's HTML is prerendered (build-plugins/prerender-first-page.ts) and its stylesheets are
 * the only thing it waits for (the tokens, base elements and shared classes here; the frame's and the home page's,
 * linked by the plugin): the app's code is fetched and run only after the browser has painted it, so that
 * the text shows as soon as it arrives, whatever the speed of the line or of the machine.
 */
import './styles/tokens.css';
import './styles/base.css';
import './styles/ui.css';

const start = () => void import('./app/start').then((app) => app.start());

// A hidden tab paints nothing (and runs no animation frame): start at once.
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(start, 0));
else start();
