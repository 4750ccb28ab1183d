import { Badge, Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconItem } from '../../../../src/ledger/inspections/reconciliation';
import type { CarrierListRow } from '../../../../src/ledger/carriers/carrier-queries';
import { notifySuccess } from '../../lib/notify';
import { useLedger } from '../../shell/ledger-context';
import { ActionDialog } from '../carriers/actions/action-dialog';

/**
 * 报告下落不明 for a carrier the count did not find: the carrier's own 报告 form
 * (the leak deadline runs from the report). The carrier is read first: it may have been
 * reported, found or moved since the count ended.
 */
export function ReportLostButton({ item }: { item: ReconItem }) {
  const { t } = useTranslation();
  const { fail } = useLedger();
  const [carrier, setCarrier] = useState<CarrierListRow | null>(null);
  const [reported, setReported] = useState(false);
  const [loading, setLoading] = useState(false);

  if (reported) {
    return (
      <Badge color="red" variant="filled" data-testid="reported-lost">
        {t('recon.reportedLost')}
      </Badge>
    );
  }

  const open = async () => {
    setLoading(true);
    try {
      const r = await window.api.carriers.detail({ id: item.id });
      if (!r.ok) {
        fail(r.error);
        return;
      }
      if (r.value.carrier.state === 'missing') setReported(true);
      else setCarrier(r.value.carrier);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button size="compact-xs" color="red" variant="light" loading={loading} onClick={() => void open()}>
        {t('recon.reportLost')}
      </Button>
      {carrier && (
        <ActionDialog
          carrier={carrier}
          open={{ kind: 'action', id: 'reportLost' }}
          onClose={() => setCarrier(null)}
          onDone={() => {
            setCarrier(null);
            setReported(true);
            notifySuccess(t('recon.reportedLostDone', { number: item.number }));
          }}
        />
      )}
    </>
  );
}
