import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.tsx'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Nothing phones home: builds and test runs must work offline.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  // No docs pages, so no need to parse component props.
  typescript: { reactDocgen: false },
};

export default config;
