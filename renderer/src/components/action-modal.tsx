import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ActionModalProps {
  /** The action's label while its form is open; null when closed. */
  action: string | null;
  /** The item's number, named in the title beside the action. */
  number: string;
  size?: ModalProps['size'];
  onClose: () => void;
  children: ReactNode;
}

/** The dialog an action's form opens in, titled 「借阅：ZT-2026-0001」. */
export function ActionModal({ action, number, size = 'xl', onClose, children }: ActionModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      size={size}
      title={action === null ? '' : t('actions.dialogTitle', { action, number })}
      // A half-filled approval must not be lost to a stray click beside the dialog.
      closeOnClickOutside={false}
    >
      {children}
    </Modal>
  );
}
