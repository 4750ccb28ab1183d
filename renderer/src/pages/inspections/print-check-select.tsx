import { Select, type SelectProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterInfo } from '../../../../src/print/print-types';
import { formatDateTime } from '../../lib/format';
import { useLedger } from '../../shell/ledger-context';

type Subject = RegisterInfo['subject'];

/**
 * On the print page, what register 12 or the discrepancy report is printed from: a month's
 * run (signed ones give the filled checklist; none chosen with 空白表 gives the blank form)
 * or an ended count (its report is fixed when it ends). Nothing for other registers.
 */
export function PrintCheckSelect({ subject, ...props }: Omit<SelectProps, 'data'> & { subject: Subject | undefined }) {
  if (subject !== 'inspection' && subject !== 'reconciliation') return null;
  return <CheckSelect subject={subject} {...props} />;
}

function CheckSelect({ subject, ...props }: Omit<SelectProps, 'data'> & { subject: 'inspection' | 'reconciliation' }) {
  const { t, i18n } = useTranslation();
  const { fail } = useLedger();
  const [data, setData] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    let live = true;
    const load = async () => {
      if (subject === 'inspection') {
        const r = await window.api.inspections.list();
        if (!r.ok) return fail(r.error);
        if (live) setData(r.value.map((run) => ({ value: run.id, label: `${t('inspection.runTitle', { month: run.month })}（${t(`inspection.state.${run.state === 'signed' ? 'signed' : 'open'}`)}）` })));
      } else {
        const r = await window.api.recon.list();
        if (!r.ok) return fail(r.error);
        if (live)
          setData(
            r.value
              .filter((s) => s.endedAt)
              .map((s) => ({ value: s.id, label: `${t(`recon.purpose.${s.purpose}`, { defaultValue: s.purpose })} ${formatDateTime(s.startedAt, i18n.language)}` })),
          );
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, [subject, fail, t, i18n.language]);

  return (
    <Select
      label={subject === 'inspection' ? t('inspection.printSubject') : t('recon.printSubject')}
      withAsterisk={subject === 'reconciliation'}
      searchable
      clearable={subject === 'inspection'}
      w={280}
      data={data}
      nothingFoundMessage={subject === 'inspection' ? t('inspection.noRuns') : t('recon.noEnded')}
      {...props}
    />
  );
}
