import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/index.js';
import { DATA } from './support.js';

/** Every public token, as a control: change one and both widgets follow. */
const TOKENS = {
  '--ops-accent': '#a4161a',
  '--ops-text': '#1b1b1b',
  '--ops-muted': '#595959',
  '--ops-surface': '#ffffff',
  '--ops-surface-alt': '#f3f2ef',
  '--ops-border': '#d3d1cc',
  '--ops-focus': '#1a5fb4',
  '--ops-font-family': 'system-ui, sans-serif',
  '--ops-font-size': '1rem',
  '--ops-radius': '4px',
  '--ops-sticky-top': '0px',
};
type Args = Record<keyof typeof TOKENS, string>;

const meta: Meta<Args> = {
  title: 'Docs/Theming tokens',
  args: TOKENS,
  argTypes: Object.fromEntries(
    Object.keys(TOKENS).map((name) => [name, { control: name.includes('font') || name.includes('radius') || name.includes('top') ? 'text' : 'color' }]),
  ),
  render: (args) => html`<div style=${styleMap(args)}>
    <ops-country-table src=${DATA}></ops-country-table>
    <ops-source-card src=${DATA} source="CA14"></ops-source-card>
  </div>`,
};
export default meta;

export const Tokens: StoryObj<Args> = {};

export const NewsroomBrand: StoryObj<Args> = {
  name: 'A newsroom brand (serif, navy accent)',
  args: { '--ops-accent': '#12355b', '--ops-font-family': 'Georgia, serif', '--ops-surface-alt': '#eef2f7', '--ops-radius': '0px' },
};
