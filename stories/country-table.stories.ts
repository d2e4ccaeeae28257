import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/country-table/define.js';
import { commonArgs, commonArgTypes, darkPage, DATA, EMPTY, HTML_PAGE, MISSING, NEVER, phone, TRUNCATED, whenLoaded, WRONG_VERSION } from './support.js';

interface Args {
  src: string;
  lang: string;
  theme: string;
  plain: boolean;
  group: string;
  sort: string;
  direction?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Country table',
  component: 'ops-country-table',
  args: { ...commonArgs, sort: 'stations' },
  argTypes: {
    ...commonArgTypes,
    sort: { control: 'select', options: ['country', 'stations', 'bureaus', 'response', 'sources'] },
    direction: { control: 'inline-radio', options: ['ascending', 'descending'], description: 'Default: the column’s natural order' },
  },
  render: (a) => html`<ops-country-table
    src=${a.src}
    lang=${a.lang}
    theme=${a.theme}
    ?plain=${a.plain}
    group=${a.group || nothing}
    sort=${a.sort}
    direction=${ifDefined(a.direction || undefined)}
  ></ops-country-table>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

export const SortedByCountry: Story = { args: { sort: 'country', direction: 'ascending' } };

export const SortedByLatestResponse: Story = { args: { sort: 'response' } };

export const Searched: Story = {
  name: 'Search: "qingtian"',
  play: async ({ canvasElement }) => {
    const root = await whenLoaded(canvasElement.querySelector('ops-country-table'));
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    input.value = 'qingtian';
    input.dispatchEvent(new Event('input'));
  },
};

export const ExpandedRow: Story = {
  name: 'Expanded row (United Kingdom)',
  play: async ({ canvasElement }) => {
    const root = await whenLoaded(canvasElement.querySelector('ops-country-table'));
    (root.querySelector('tr[data-country="GB"] .expand') as HTMLButtonElement).click();
  },
};

export const ShowAll: Story = {
  name: 'All countries shown',
  play: async ({ canvasElement }) => {
    const root = await whenLoaded(canvasElement.querySelector('ops-country-table'));
    (root.querySelector('[part="more"]') as HTMLButtonElement).click();
  },
};

export const Plain: Story = { args: { plain: true } };

export const Dark: Story = { args: { theme: 'dark' }, decorators: [darkPage] };

export const SimplifiedChinese: Story = { name: 'zh-Hans', args: { lang: 'zh-Hans' } };

export const TraditionalChinese: Story = { name: 'zh-Hant', args: { lang: 'zh-Hant' } };

export const Phone: Story = { name: 'Phone (360 px)', decorators: [phone] };

export const PhoneDark: Story = { name: 'Phone (360 px), dark', args: { theme: 'dark' }, decorators: [phone, darkPage] };

export const Loading: Story = { args: { src: NEVER } };

export const NotFound: Story = { name: 'Error: 404', args: { src: MISSING } };

export const InvalidJson: Story = { name: 'Error: truncated JSON', args: { src: TRUNCATED } };

export const HtmlInsteadOfJson: Story = { name: 'Error: HTML page instead of JSON', args: { src: HTML_PAGE } };

export const WrongSchemaVersion: Story = { name: 'Error: wrong schemaVersion', args: { src: WRONG_VERSION } };

export const Empty: Story = { name: 'Empty dataset', args: { src: EMPTY } };

export const RealDataset: Story = { name: 'Bundled dataset (explicit src)', args: { src: DATA } };

export const SkippedRecords: Story = {
  name: 'Some records skipped',
  loaders: [
    async () => {
      const data = await (await fetch(DATA)).json();
      data.stations[0].country = 'XX';
      data.stations[1].location = { lat: 0, lon: 999, precision: 'city' };
      return { data };
    },
  ],
  render: (a, { loaded }) => html`<ops-country-table .data=${loaded.data} lang=${a.lang} theme=${a.theme}></ops-country-table>`,
};
