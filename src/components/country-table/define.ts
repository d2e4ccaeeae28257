import { ELEMENTS } from '../../elements.js';
import { define } from '../../shared/define.js';
import { OpsCountryTable } from './country-table.js';

define(ELEMENTS['country-table'].tag, OpsCountryTable);

export { OpsCountryTable };

declare global {
  interface HTMLElementTagNameMap {
    'ops-country-table': OpsCountryTable;
  }
}
