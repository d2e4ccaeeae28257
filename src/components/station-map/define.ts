import { define } from '../../shared/define.js';
import { OpsStationMap } from './station-map.js';

define('ops-station-map', OpsStationMap);

export { OpsStationMap };

declare global {
  interface HTMLElementTagNameMap {
    'ops-station-map': OpsStationMap;
  }
}
