import type { CarrierListRow } from '../../../../../src/ledger/carriers/carrier-queries';
import type { EventFormCallbacks } from '../../../components/event-forms/event-form-frame';

/** Every carrier action form gets the carrier it acts on; onDone makes the page reload it. */
export interface ActionFormProps extends EventFormCallbacks {
  carrier: CarrierListRow;
}
