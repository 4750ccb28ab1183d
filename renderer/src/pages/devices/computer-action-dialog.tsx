import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputerDetail } from '../../../../src/ledger/devices/device-queries';
import { ActionModal } from '../../components/action-modal';
import type { EventFormCallbacks } from '../../components/event-forms/event-form-frame';
import { SimpleEventForm } from '../../components/event-forms/simple-event-form';
import { ChangeForm, EnableForm, PasswordForm } from './computer-forms';
import { FinishRepairForm, RepairForm } from './computer-repair-forms';
import type { ComputerAction } from './device-enums';
import { DestroyDeviceForm, RaiseLevelForm } from './device-shared-forms';
import { UsageLogForm } from './usage-log-form';

function formFor(action: ComputerAction, detail: ComputerDetail, props: EventFormCallbacks, t: TFunction): ReactNode {
  const c = detail.computer;
  const api = window.api.computers;
  const computerId = c.id;
  switch (action) {
    case 'enable':
      return <EnableForm computer={c} {...props} />;
    case 'logUsage':
      return <UsageLogForm detail={detail} {...props} />;
    case 'passwordChanged':
      return <PasswordForm computer={c} {...props} />;
    case 'startRepair':
      return <RepairForm computer={c} {...props} />;
    case 'finishRepair':
      return <FinishRepairForm computer={c} {...props} />;
    case 'change':
      return <ChangeForm computer={c} {...props} />;
    case 'raiseLevel':
      return <RaiseLevelForm current={c.level} record={(v) => api.raiseLevel({ computerId, ...v })} {...props} />;
    case 'disable':
      return <SimpleEventForm intro={t('computers.simple.disable', { number: c.number })} submitLabel={t('computers.action.disable')} record={(v) => api.disable({ computerId, ...v })} {...props} />;
    case 'requestScrap':
      return <SimpleEventForm intro={t('computers.simple.requestScrap', { number: c.number })} submitLabel={t('computers.action.requestScrap')} record={(v) => api.requestScrap({ computerId, ...v })} {...props} />;
    case 'destroy':
      return <DestroyDeviceForm intro={t('computers.simple.destroy', { number: c.number })} record={(v) => api.destroy({ computerId, ...v })} {...props} />;
  }
}

interface ComputerActionDialogProps {
  detail: ComputerDetail;
  action: ComputerAction | null;
  onClose: () => void;
  onDone: () => void;
}

export function ComputerActionDialog({ detail, action, onClose, onDone }: ComputerActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionModal action={action && t(`computers.action.${action}`)} number={detail.computer.number} onClose={onClose}>
      {action && formFor(action, detail, { onDone, onCancel: onClose }, t)}
    </ActionModal>
  );
}
