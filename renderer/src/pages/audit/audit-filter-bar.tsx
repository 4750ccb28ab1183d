import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/fields/date-field';
import { DEFAULT_LANGUAGE } from '../../i18n/i18n';
import { auditLabel } from '../../lib/format';
import { ACTION_GROUPS, datesInOrder, EMPTY_AUDIT_FILTERS, hasFilters, type AuditFilters } from './audit-query';

interface AuditFilterBarProps {
  /** The filters the list now shows. */
  applied: AuditFilters;
  onApply: (next: AuditFilters) => void;
}

/**
 * 筛选: the text and dates apply on Enter (or 查询), not on every keystroke, since each
 * change reads the log again from its newest entry; picking an action applies at once.
 */
export function AuditFilterBar({ applied, onApply }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [dateError, setDateError] = useState(false);
  const actionData = useActionOptions();
  const set = <K extends keyof AuditFilters>(k: K, v: AuditFilters[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const apply = (next: AuditFilters) => {
    const ordered = datesInOrder(next);
    setDateError(!ordered);
    if (ordered) onApply(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const clear = () => {
    setDraft(EMPTY_AUDIT_FILTERS);
    setDateError(false);
    onApply(EMPTY_AUDIT_FILTERS);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('auditLog.filter.label')}>
      <Group align="flex-start" gap="sm" data-testid="audit-filters">
        <Select
          label={t('auditLog.filter.action')}
          placeholder={t('auditLog.filter.anyAction')}
          w={230}
          searchable
          clearable
          data={actionData}
          value={draft.action}
          onChange={(v) => {
            const next = { ...draft, action: v };
            setDraft(next);
            apply(next);
          }}
        />
        <TextInput
          label={t('auditLog.filter.text')}
          placeholder={t('auditLog.filter.textPlaceholder')}
          w={240}
          type="search"
          maxLength={200}
          value={draft.text}
          onChange={(e) => set('text', e.currentTarget.value)}
        />
        <DateField label={t('auditLog.filter.from')} value={draft.fromDate} onChange={(e) => set('fromDate', e.currentTarget.value)} />
        <DateField
          label={t('auditLog.filter.to')}
          value={draft.toDate}
          onChange={(e) => set('toDate', e.currentTarget.value)}
          error={dateError ? t('auditLog.filter.dateOrder') : undefined}
        />
        <Group gap="xs" mt={25}>
          <Button type="submit">{t('auditLog.filter.apply')}</Button>
          <Button variant="subtle" onClick={clear} disabled={!hasFilters(draft) && !hasFilters(applied)}>
            {t('auditLog.filter.clear')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}

/**
 * Each group as a whole, then its actions under the same labels the home page shows. The
 * actions come from the translations, so a label added for a new action appears here too.
 */
function useActionOptions() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () =>
      ACTION_GROUPS.map((g) => {
        const group = t(`auditLog.group.${g}`);
        const known = i18n.getResource(lang, 'translation', `audit.action.${g}`) ?? i18n.getResource(DEFAULT_LANGUAGE, 'translation', `audit.action.${g}`);
        const names = known && typeof known === 'object' ? Object.keys(known as object).filter((n) => typeof (known as Record<string, unknown>)[n] === 'string') : [];
        const label = (name: string) => auditLabel((l, ns, k) => i18n.getResource(l, ns, k), lang, DEFAULT_LANGUAGE, 'action', name);
        return {
          group,
          items: [
            { value: `${g}.`, label: t('auditLog.filter.allOf', { group }) },
            ...names.map((n) => ({ value: `${g}.${n}`, label: t('auditLog.filter.oneOf', { group, action: label(`${g}.${n}`) }) })),
          ],
        };
      }),
    [t, i18n, lang],
  );
}
