import { notifications } from '@mantine/notifications';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}

export function notifyFailure(message: string, title?: string): void {
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

/** On lock every toast goes, in case one names something from the ledger. */
export function clearNotifications(): void {
  notifications.clean();
}
