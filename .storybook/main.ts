import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    // The library is built by scripts/build.mjs; Storybook needs a plain app build.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // Stories read the real dataset and the test fixtures from the repo: no network.
  staticDirs: [
    { from: '../data', to: '/data' },
    { from: '../test/fixtures', to: '/fixtures' },
  ],
};
export default config;
