import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/source-card/define.js';
import { commonArgs, commonArgTypes, darkPage, DATA, FIXTURE, MISSING, NEVER, phone, TRUNCATED } from './support.js';

interface Args {
  src: string;
  lang: string;
  theme: string;
  plain: boolean;
  group: string;
  source: string;
  for: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Source card',
  component: 'ops-source-card',
  args: { ...commonArgs, source: 'SD01', for: '' },
  argTypes: {
    ...commonArgTypes,
    source: { control: 'text', description: 'One source id' },
    for: { control: 'text', description: 'A station id, event id or country code' },
  },
  render: (a) => html`<div style="max-inline-size:40rem">
    <ops-source-card
      src=${a.src}
      lang=${a.lang}
      theme=${a.theme}
      ?plain=${a.plain}
      group=${a.group || nothing}
      source=${ifDefined(a.source || undefined)}
      for=${ifDefined(a.for || undefined)}
    ></ops-source-card>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = { name: 'NGO report' };
export const News: Story = { args: { source: 'N006' } };
export const NewsReadViaACopy: Story = { name: 'News, read via a copy (reliability note)', args: { source: 'CA14' } };
export const Government: Story = { args: { source: 'IE04' } };
export const ChineseOfficial: Story = { name: 'Chinese official', args: { source: 'CN06' } };
export const Encyclopedia: Story = { args: { source: 'WP01' } };
export const Court: Story = {
  name: 'Court (fixture)',
  loaders: [
    async () => {
      const data = await (await fetch(FIXTURE)).json();
      data.sources.push({
        id: 's-court',
        publisher: 'Example District Court',
        title: 'Placeholder judgment (fixture, not reporting)',
        date: '2024-12-18',
        url: 'https://court.example.org/judgment',
        kind: 'court',
      });
      return { data };
    },
  ],
  render: (a, { loaded }) => html`<ops-source-card .data=${loaded.data} source="s-court" lang=${a.lang} theme=${a.theme}></ops-source-card>`,
};
export const ForAStation: Story = { name: 'for="ST001" (New York)', args: { source: '', for: 'ST001' } };
export const ForACountry: Story = { name: 'for="NL" (Netherlands)', args: { source: '', for: 'NL' } };
export const UnknownId: Story = { name: 'Unknown source id', args: { source: 'NOPE' } };
export const FollowsGroup: Story = {
  name: 'In a group, nothing selected yet',
  args: { source: '', group: 'story-cards' },
};
export const Plain: Story = { args: { plain: true } };
export const Dark: Story = { args: { theme: 'dark', source: 'CA14' }, decorators: [darkPage] };
export const SimplifiedChinese: Story = { name: 'zh-Hans', args: { lang: 'zh-Hans', source: 'N008' } };
export const TraditionalChinese: Story = { name: 'zh-Hant', args: { lang: 'zh-Hant', source: 'N008' } };
export const Phone: Story = { name: 'Phone (360 px)', args: { source: '', for: 'ST001' }, decorators: [phone] };
export const Loading: Story = { args: { src: NEVER } };
export const NotFound: Story = { name: 'Error: 404', args: { src: MISSING } };
export const InvalidJson: Story = { name: 'Error: truncated JSON', args: { src: TRUNCATED } };
export const RealDataset: Story = { name: 'Bundled dataset', args: { src: DATA } };
