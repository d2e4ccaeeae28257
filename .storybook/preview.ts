import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/index.js';

// Docs pages list attributes, events, parts and tokens from the JSDoc on the classes.
setCustomElementsManifest(manifest);

// The "Loading" stories point at this path; it never answers, so the loading state stays on screen.
const realFetch = window.fetch.bind(window);
window.fetch = (input, init) =>
  String(input instanceof Request ? input.url : input).includes('/__never__/') ? new Promise(() => {}) : realFetch(input, init);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
  },
  tags: ['autodocs'],
};
export default preview;
