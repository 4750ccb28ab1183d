import { listCabinets, registerCabinet } from '../../ledger/cabinets/cabinets';
import { copyCarrier, receiveBatch, registerMade } from '../../ledger/carriers/carrier-intake';
import {
  archive,
  correct,
  declassify,
  destroyBatch,
  handoverPerson,
  markForReturn,
  markFound,
  reclassify,
  reportLost,
  requestDestruction,
  returnToIssuer,
} from '../../ledger/carriers/carrier-disposal';
import { bringBack, circulate, distribute, lend, returnCirculation, returnLoan, takeOut } from '../../ledger/carriers/carrier-movements';
import { carrierDetail, listCarriers } from '../../ledger/carriers/carrier-queries';
import { carriersHeldBy } from '../../ledger/carriers/carrier-repo';
import type { LedgerContext } from '../../ledger/carriers/carrier-transition';
import { listPeople, registerPerson } from '../../ledger/people/people';
import type { Handlers } from '../handlers';

type LedgerChannel = Extract<keyof Handlers, 'people:list' | 'people:register' | `cabinets:${string}` | `carriers:${string}`>;

/** People, cabinets and carriers: each handler is a thin call into the ledger core. */
export function ledgerHandlers(ctx: () => LedgerContext): Pick<Handlers, LedgerChannel> {
  const run =
    <I, R>(command: (c: LedgerContext, input: I) => R) =>
    (input: I) =>
      command(ctx(), input);
  return {
    'people:list': () => listPeople(ctx().db),
    'people:register': (input) => {
      const c = ctx();
      return registerPerson(c.db, c.at, c.actor, input);
    },
    'cabinets:list': () => listCabinets(ctx().db),
    'cabinets:register': (input) => {
      const c = ctx();
      return registerCabinet(c.db, c.at, c.actor, input);
    },
    'carriers:list': (q) => {
      const c = ctx();
      return listCarriers(c.db, c.today, q);
    },
    'carriers:detail': ({ id }) => {
      const c = ctx();
      return carrierDetail(c.db, c.today, id);
    },
    'carriers:holdings': ({ personId }) => carriersHeldBy(ctx().db, personId),
    'carriers:receive': run(receiveBatch),
    'carriers:registerMade': run(registerMade),
    'carriers:distribute': run(distribute),
    'carriers:circulate': run(circulate),
    'carriers:returnCirculation': run(returnCirculation),
    'carriers:lend': run(lend),
    'carriers:returnLoan': run(returnLoan),
    'carriers:takeOut': run(takeOut),
    'carriers:bringBack': run(bringBack),
    'carriers:copy': run(copyCarrier),
    'carriers:reclassify': run(reclassify),
    'carriers:declassify': run(declassify),
    'carriers:markForReturn': run(markForReturn),
    'carriers:archive': run(archive),
    'carriers:handover': run(handoverPerson),
    'carriers:returnToIssuer': run(returnToIssuer),
    'carriers:requestDestruction': run(requestDestruction),
    'carriers:destroy': run(destroyBatch),
    'carriers:reportLost': run(reportLost),
    'carriers:markFound': run(markFound),
    'carriers:correct': run(correct),
  };
}
