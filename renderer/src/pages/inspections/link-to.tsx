import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigation } from '../../shell/navigation';
import { routeOf, type LinkType } from './link-route';

/** A link into the ledger: a carrier, medium, computer, person, run, count or finding. */
export function LinkTo({ link, children, mono = false }: { link: { type: LinkType; id: string }; children: ReactNode; mono?: boolean }) {
  const { navigate } = useNavigation();
  return (
    <Anchor component="button" type="button" size="sm" ff={mono ? 'monospace' : undefined} ta="left" onClick={() => navigate(routeOf(link))}>
      {children}
    </Anchor>
  );
}
