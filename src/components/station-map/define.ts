import { ELEMENTS } from '../../elements.js';
import { define } from '../../shared/define.js';
import { OpsStationMap } from './station-map.js';

define(ELEMENTS['station-map'].tag, OpsStationMap);

export { OpsStationMap };

declare global {
  interface HTMLElementTagNameMap {
    'ops-station-map': OpsStationMap;
  }
}
