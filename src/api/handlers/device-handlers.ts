import * as computers from '../../ledger/devices/computer-commands';
import { computerDetail, listComputers, listMedia, mediumDetail } from '../../ledger/devices/device-queries';
import * as media from '../../ledger/devices/medium-commands';
import * as usage from '../../ledger/devices/usage-commands';
import type { LedgerContext } from '../../ledger/ledger-context';
import type { Handlers } from '../handlers';

type DeviceChannel = Extract<keyof Handlers, `computers:${string}` | `media:${string}`>;

/** Designated computers and removable media: thin calls into the ledger core. */
export function deviceHandlers(ctx: () => LedgerContext): Pick<Handlers, DeviceChannel> {
  const run =
    <R>(command: (c: LedgerContext, input: unknown) => R) =>
    (input: unknown) =>
      command(ctx(), input);
  return {
    'computers:list': () => {
      const c = ctx();
      return listComputers(c.db, c.today);
    },
    'computers:detail': ({ id }) => {
      const c = ctx();
      return computerDetail(c.db, c.today, id);
    },
    'computers:register': run(computers.registerComputer),
    'computers:enable': run(computers.enableComputer),
    'computers:startUsage': run(usage.startUsage),
    'computers:endUsage': run(usage.endUsage),
    'computers:logUsage': run(usage.logUsage),
    'computers:usageBook': run(usage.usageBook),
    'computers:daysWithoutUsage': run(usage.daysWithoutUsage),
    'computers:passwordChanged': run(computers.recordPasswordChange),
    'computers:startRepair': run(computers.startRepair),
    'computers:finishRepair': run(computers.finishRepair),
    'computers:change': run(computers.moveComputer),
    'computers:disable': run(computers.disableComputer),
    'computers:requestScrap': run(computers.requestComputerScrap),
    'computers:destroy': run(computers.destroyComputer),
    'computers:raiseLevel': run(computers.raiseComputerLevel),
    'media:list': () => {
      const c = ctx();
      return listMedia(c.db, c.today);
    },
    'media:detail': ({ id }) => {
      const c = ctx();
      return mediumDetail(c.db, c.today, id);
    },
    'media:register': run(media.registerMedium),
    'media:issue': run(media.issueMedium),
    'media:bind': run(media.bindMedium),
    'media:unbind': run(media.unbindMedium),
    'media:lend': run(media.lendMedium),
    'media:takeOut': run(media.takeOutMedium),
    'media:checkIn': run(media.checkInMedium),
    'media:recordUse': run(media.recordMediumUse),
    'media:startRepair': run(media.startMediumRepair),
    'media:requestDestruction': run(media.requestMediumDestruction),
    'media:destroy': run(media.destroyMedium),
    'media:reportLost': run(media.reportMediumLost),
    'media:markFound': run(media.markMediumFound),
    'media:raiseLevel': run(media.raiseMediumLevel),
  };
}
