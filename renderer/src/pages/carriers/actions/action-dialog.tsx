import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierListRow, TimelineEntry } from '../../../../../src/ledger/carriers/carrier-queries';
import { ActionModal } from '../../../components/action-modal';
import type { ActionId } from './action-availability';
import type { ActionFormProps } from './action-form';
import { DeclassifyForm, ReclassifyForm } from './classification-forms';
import { CopyForm } from './copy-form';
import { CorrectForm } from './correct-form';
import { CarrierSimpleEventForm, FoundForm, LostForm, ReturnToIssuerForm } from './disposal-forms';
import { CarrierCheckInForm, CirculateForm, LendForm } from './loan-forms';
import { DistributeForm, TakeOutForm } from './trip-forms';

/** What the dialog is open for: one of the state's actions, or a correction of one entry. */
export type OpenAction = { kind: 'action'; id: Exclude<ActionId, 'destroy'> } | { kind: 'correct'; entry: TimelineEntry };

function formFor(open: OpenAction, props: ActionFormProps): ReactNode {
  if (open.kind === 'correct') return <CorrectForm {...props} entry={open.entry} />;
  switch (open.id) {
    case 'lend':
      return <LendForm {...props} />;
    case 'circulate':
      return <CirculateForm {...props} />;
    case 'returnLoan':
    case 'returnCirculation':
    case 'bringBack':
      return <CarrierCheckInForm {...props} kind={open.id} />;
    case 'distribute':
      return <DistributeForm {...props} />;
    case 'takeOut':
      return <TakeOutForm {...props} />;
    case 'copy':
      return <CopyForm {...props} />;
    case 'reclassify':
      return <ReclassifyForm {...props} />;
    case 'declassify':
      return <DeclassifyForm {...props} />;
    case 'markForReturn':
    case 'archive':
    case 'requestDestruction':
      return <CarrierSimpleEventForm {...props} kind={open.id} />;
    case 'returnToIssuer':
      return <ReturnToIssuerForm {...props} />;
    case 'reportLost':
      return <LostForm {...props} />;
    case 'markFound':
      return <FoundForm {...props} />;
  }
}

interface ActionDialogProps {
  carrier: CarrierListRow;
  open: OpenAction | null;
  onClose: () => void;
  onDone: () => void;
}

export function ActionDialog({ carrier, open, onClose, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const action = open ? (open.kind === 'correct' ? t('actions.correct') : t(`actions.${open.id}`)) : null;
  return (
    <ActionModal action={action} number={carrier.number} size={open?.kind === 'correct' ? 'xl' : 'lg'} onClose={onClose}>
      {open && formFor(open, { carrier, onDone, onCancel: onClose })}
    </ActionModal>
  );
}
