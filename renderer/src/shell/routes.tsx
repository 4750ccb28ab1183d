import type { ReactNode } from 'react';
import { AuditLogPage } from '../pages/audit/audit-log-page';
import { BackupPage } from '../pages/backup/backup-page';
import { CabinetsPage } from '../pages/cabinets/cabinets-page';
import { CarrierDetailPage } from '../pages/carriers/carrier-detail-page';
import { CarrierListPage } from '../pages/carriers/carrier-list-page';
import { DestructionPage } from '../pages/carriers/destruction-page';
import { HandoverPage } from '../pages/carriers/handover-page';
import { ReceivePage } from '../pages/carriers/receive-page';
import { ComputerDetailPage } from '../pages/devices/computer-detail-page';
import { ComputerListPage } from '../pages/devices/computer-list-page';
import { MediumDetailPage } from '../pages/devices/medium-detail-page';
import { MediumListPage } from '../pages/devices/medium-list-page';
import { HomePage } from '../pages/home-page';
import { ChecklistPage } from '../pages/inspections/checklist-page';
import { InspectionsPage } from '../pages/inspections/inspections-page';
import { RunPage } from '../pages/inspections/run-page';
import { PeoplePage } from '../pages/people/people-page';
import { PersonPage } from '../pages/people/person-page';
import { PrintPage } from '../pages/print/print-page';
import { ReconPage } from '../pages/reconciliation/recon-page';
import { ReconSessionPage } from '../pages/reconciliation/recon-session-page';
import { SettingsPage } from '../pages/settings-page';
import type { Route } from './navigation';

export function renderRoute(route: Route): ReactNode {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'carriers':
      return <CarrierListPage />;
    case 'carrier':
      // Keyed by id: going from an original to its copy starts the page afresh.
      return <CarrierDetailPage key={route.id} id={route.id} />;
    case 'receive':
      return <ReceivePage />;
    case 'destroy':
      return <DestructionPage items={route.items} />;
    case 'handover':
      return <HandoverPage key={route.fromId ?? ''} personId={route.fromId} />;
    case 'computers':
      return <ComputerListPage />;
    case 'computer':
      return <ComputerDetailPage key={route.id} id={route.id} />;
    case 'media':
      return <MediumListPage />;
    case 'medium':
      return <MediumDetailPage key={route.id} id={route.id} />;
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'inspections':
      return <InspectionsPage key={route.month ?? ''} month={route.month} />;
    case 'inspection':
      return <RunPage key={route.id} id={route.id} />;
    case 'checklist':
      return <ChecklistPage />;
    case 'recon':
      return <ReconPage key={route.purpose ?? ''} purpose={route.purpose} />;
    case 'reconSession':
      return <ReconSessionPage key={route.id} id={route.id} />;
    case 'cabinets':
      return <CabinetsPage />;
    case 'print':
      return <PrintPage />;
    case 'backup':
      return <BackupPage />;
    case 'audit':
      return <AuditLogPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
