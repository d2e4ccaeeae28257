import { define } from '../../shared/define.js';
import { OpsCountryTable } from './country-table.js';

define('ops-country-table', OpsCountryTable);

export { OpsCountryTable };

declare global {
  interface HTMLElementTagNameMap {
    'ops-country-table': OpsCountryTable;
  }
}
