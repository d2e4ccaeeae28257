import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { article, DATA } from './support.js';

const meta: Meta = {
  title: 'Pages/Linked widgets',
  parameters: { layout: 'padded' },
};
export default meta;

/** Every widget with group="story": selecting a country, station or event in one updates the others. */
export const AllFourLinked: StoryObj = {
  name: 'All four widgets, one group',
  render: () =>
    article(html`
      <p>Select a country in the table, a station on the map or an event on the timeline: the other widgets follow.</p>
      <ops-station-map group="story" src=${DATA}></ops-station-map>
      <ops-country-table group="story" src=${DATA}></ops-country-table>
      <ops-repatriation-timeline group="story" src=${DATA}></ops-repatriation-timeline>
      <ops-source-card group="story" src=${DATA} plain></ops-source-card>
    `),
};
