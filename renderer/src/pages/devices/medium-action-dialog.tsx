import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediumRow } from '../../../../src/ledger/devices/device-queries';
import { ActionModal } from '../../components/action-modal';
import type { EventFormCallbacks } from '../../components/event-forms/event-form-frame';
import { LostReportForm } from '../../components/event-forms/lost-report-form';
import { SimpleEventForm } from '../../components/event-forms/simple-event-form';
import type { MediumAction } from './device-enums';
import { checkInKind } from './device-enums';
import { DestroyDeviceForm, RaiseLevelForm } from './device-shared-forms';
import { BindForm, IssueForm, LoanForm, MediumCheckInForm } from './medium-forms';
import { MediumUseForm } from './medium-use-form';

function formFor(action: MediumAction, m: MediumRow, props: EventFormCallbacks & { onRefused: () => void }, t: TFunction): ReactNode {
  const api = window.api.media;
  const mediumId = m.id;
  const { onRefused, ...rest } = props;
  switch (action) {
    case 'issue':
      return <IssueForm medium={m} {...rest} />;
    case 'bind':
      return <BindForm medium={m} {...rest} />;
    case 'lend':
    case 'takeOut':
      return <LoanForm medium={m} kind={action} {...rest} />;
    case 'checkIn':
      return <MediumCheckInForm medium={m} {...rest} />;
    case 'recordUse':
      return <MediumUseForm medium={m} onRefused={onRefused} {...rest} />;
    case 'reportLost':
      // 报告遗失: the form carriers use too, as a medium runs the same timers.
      return <LostReportForm level={m.level} submitLabel={t('media.action.reportLost')} record={(v) => api.reportLost({ mediumId, ...v })} {...rest} />;
    case 'raiseLevel':
      return <RaiseLevelForm current={m.level} record={(v) => api.raiseLevel({ mediumId, ...v })} {...rest} />;
    case 'destroy':
      return <DestroyDeviceForm intro={t('media.simple.destroy', { number: m.number })} record={(v) => api.destroy({ mediumId, ...v })} {...rest} />;
    case 'startRepair':
      return <SimpleEventForm intro={t('media.simple.startRepair', { number: m.number })} submitLabel={t('media.action.startRepair')} record={(v) => api.startRepair({ mediumId, ...v })} {...rest} />;
    case 'requestDestruction':
      return <SimpleEventForm intro={t('media.simple.requestDestruction', { number: m.number })} submitLabel={t('media.action.requestDestruction')} record={(v) => api.requestDestruction({ mediumId, ...v })} {...rest} />;
    case 'markFound':
      return <SimpleEventForm intro={t('media.simple.markFound', { number: m.number })} submitLabel={t('media.action.markFound')} record={(v) => api.markFound({ mediumId, ...v })} {...rest} />;
  }
}

/** The button's label; 归还 says what kind of return it is. */
export const mediumActionLabel = (t: TFunction, action: MediumAction, m: MediumRow): string =>
  action === 'checkIn' ? t(`media.checkIn.${checkInKind(m.state)}`) : t(`media.action.${action}`);

interface MediumActionDialogProps {
  medium: MediumRow;
  action: MediumAction | null;
  onClose: () => void;
  onDone: () => void;
  onRefused: () => void;
}

export function MediumActionDialog({ medium, action, onClose, onDone, onRefused }: MediumActionDialogProps) {
  const { t } = useTranslation();
  return (
    <ActionModal action={action && mediumActionLabel(t, action, medium)} number={medium.number} onClose={onClose}>
      {action && formFor(action, medium, { onDone, onCancel: onClose, onRefused }, t)}
    </ActionModal>
  );
}
