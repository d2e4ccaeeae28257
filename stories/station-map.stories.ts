import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/station-map/define.js';
import { commonArgs, commonArgTypes, darkPage, EMPTY, MISSING, NEVER, phone, TRUNCATED } from './support.js';

interface Args {
  src: string;
  lang: string;
  theme: string;
  plain: boolean;
  group: string;
  country?: string;
  bureau?: string;
  static: boolean;
  autoload: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/Station map',
  component: 'ops-station-map',
  // Stories show the SVG map: WebGL contexts are few per page, and the interactive map loads on a reader's first interaction.
  args: { ...commonArgs, static: false, autoload: false },
  argTypes: {
    ...commonArgTypes,
    country: { control: 'text', description: 'ISO 3166-1 code to focus' },
    bureau: { control: 'select', options: ['', 'fuzhou', 'qingtian', 'nantong', 'wenzhou', 'unknown'] },
    static: { control: 'boolean' },
    autoload: { control: 'boolean' },
  },
  render: (a) => html`<ops-station-map
    src=${a.src}
    lang=${a.lang}
    theme=${a.theme}
    ?plain=${a.plain}
    ?static=${a.static}
    ?autoload=${a.autoload}
    group=${a.group || nothing}
    country=${ifDefined(a.country || undefined)}
    bureau=${ifDefined(a.bureau || undefined)}
  ></ops-station-map>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Italy: Story = { name: 'country="IT"', args: { country: 'IT' } };
export const Nantong: Story = { name: 'bureau="nantong"', args: { bureau: 'nantong' } };
export const Static: Story = { name: 'static (print, screenshots)', args: { static: true } };
export const Plain: Story = { args: { plain: true } };
export const Dark: Story = { args: { theme: 'dark' }, decorators: [darkPage] };
export const SimplifiedChinese: Story = { name: 'zh-Hans', args: { lang: 'zh-Hans' } };
export const TraditionalChinese: Story = { name: 'zh-Hant', args: { lang: 'zh-Hant' } };
export const Phone: Story = { name: 'Phone (360 px)', decorators: [phone] };
export const Loading: Story = { args: { src: NEVER } };
export const NotFound: Story = { name: 'Error: 404', args: { src: MISSING } };
export const InvalidJson: Story = { name: 'Error: truncated JSON', args: { src: TRUNCATED } };
export const Empty: Story = { name: 'Empty dataset', args: { src: EMPTY } };
