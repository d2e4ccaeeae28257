import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/repatriation-timeline/define.js';
import { commonArgs, commonArgTypes, darkPage, EMPTY, MISSING, NEVER, phone, TRUNCATED } from './support.js';

interface Args {
  src: string;
  lang: string;
  theme: string;
  plain: boolean;
  group: string;
  from?: string;
  to?: string;
  kinds?: string;
  country?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Repatriation timeline',
  component: 'ops-repatriation-timeline',
  args: { ...commonArgs },
  argTypes: {
    ...commonArgTypes,
    from: { control: 'text', description: 'First date shown (YYYY, YYYY-MM or YYYY-MM-DD)' },
    to: { control: 'text', description: 'Last date shown' },
    kinds: { control: 'text', description: 'Event kinds, e.g. "repatriation persuasion"' },
    country: { control: 'text', description: 'ISO 3166-1 code' },
  },
  render: (a) => html`<ops-repatriation-timeline
    src=${a.src}
    lang=${a.lang}
    theme=${a.theme}
    ?plain=${a.plain}
    group=${a.group || nothing}
    from=${ifDefined(a.from || undefined)}
    to=${ifDefined(a.to || undefined)}
    kinds=${ifDefined(a.kinds || undefined)}
    country=${ifDefined(a.country || undefined)}
  ></ops-repatriation-timeline>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const FromTo: Story = { name: 'from="2022" to="2023"', args: { from: '2022', to: '2023' } };
export const CasesOnly: Story = { name: 'kinds="repatriation persuasion"', args: { kinds: 'repatriation persuasion' } };
export const OneCountry: Story = { name: 'country="CA"', args: { country: 'CA' } };
export const Plain: Story = { args: { plain: true } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [darkPage] };
export const SimplifiedChinese: Story = { name: 'zh-Hans', args: { lang: 'zh-Hans' } };
export const TraditionalChinese: Story = { name: 'zh-Hant', args: { lang: 'zh-Hant' } };
export const Phone: Story = { name: 'Phone (360 px): vertical', decorators: [phone] };
export const PhoneDark: Story = { name: 'Phone (360 px), dark', args: { theme: 'dark' }, decorators: [phone, darkPage] };
export const Loading: Story = { args: { src: NEVER } };
export const NotFound: Story = { name: 'Error: 404', args: { src: MISSING } };
export const InvalidJson: Story = { name: 'Error: truncated JSON', args: { src: TRUNCATED } };
export const Empty: Story = { name: 'Empty dataset', args: { src: EMPTY } };
