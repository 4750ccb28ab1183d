import { Button, Checkbox, Chip, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CabinetSelect } from '../../components/fields/cabinet-select';
import { CARRIER_STATES, CARRIER_TYPES, LEVELS, type CarrierType, type Level } from '../../lib/carrier-enums';
import { personLabel } from '../../lib/person-ref';
import { useDirectory } from '../../shell/directory';
import type { CarrierState } from '../../../../src/ledger/carriers/carrier-model';
import { activeFilterCount, EMPTY_FILTERS, type CarrierFilters } from './carrier-query';

interface CarrierFilterBarProps {
  filters: CarrierFilters;
  onChange: (next: CarrierFilters) => void;
}

/** 筛选: every control changes the query at once; the search box is debounced by the page. */
export function CarrierFilterBar({ filters, onChange }: CarrierFilterBarProps) {
  const { t } = useTranslation();
  const { people, settings } = useDirectory();
  const set = <K extends keyof CarrierFilters>(k: K, v: CarrierFilters[K]) => onChange({ ...filters, [k]: v });
  const active = activeFilterCount(filters);

  return (
    <Group align="flex-end" gap="sm" data-testid="carrier-filters">
      <TextInput
        label={t('carriers.search')}
        placeholder={t('carriers.searchPlaceholder')}
        w={240}
        value={filters.search}
        onChange={(e) => set('search', e.currentTarget.value)}
        autoFocus
        type="search"
      />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('carriers.filterLevels')}
        </Text>
        <Chip.Group multiple value={filters.levels} onChange={(v) => set('levels', v as Level[])}>
          <Group gap={4} role="group" aria-label={t('carriers.filterLevels')} mb={4}>
            {LEVELS.map((l) => (
              <Chip key={l} value={l} size="sm">
                {t(`level.${l}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
      <MultiSelect
        label={t('carriers.filterStates')}
        placeholder={filters.states.length ? undefined : t('carriers.any')}
        w={200}
        data={CARRIER_STATES.map((s) => ({ value: s, label: t(`carrierState.${s}`) }))}
        value={filters.states}
        onChange={(v) => set('states', v as CarrierState[])}
        clearable
      />
      <MultiSelect
        label={t('carriers.filterTypes')}
        placeholder={filters.types.length ? undefined : t('carriers.any')}
        w={170}
        data={CARRIER_TYPES.map((c) => ({ value: c, label: t(`carrierType.${c}`) }))}
        value={filters.types}
        onChange={(v) => set('types', v as CarrierType[])}
        clearable
      />
      <Select
        label={t('carriers.filterCustodian')}
        placeholder={t('carriers.any')}
        w={150}
        searchable
        clearable
        data={people.map((p) => ({ value: p.id, label: personLabel(p) }))}
        value={filters.custodianId}
        onChange={(v) => set('custodianId', v)}
      />
      <CabinetSelect
        label={t('carriers.filterCabinet')}
        placeholder={t('carriers.any')}
        w={140}
        value={filters.cabinetId}
        onChange={(v) => set('cabinetId', v)}
      />
      <NumberInput
        label={t('carriers.filterTermEnding')}
        placeholder={t('carriers.termEndingPlaceholder', { days: settings?.reviewWarningDays ?? 90 })}
        w={150}
        min={0}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        value={filters.termEndingWithinDays}
        onChange={(v) => set('termEndingWithinDays', typeof v === 'number' ? v : '')}
        rightSection={
          filters.termEndingWithinDays === '' ? (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => set('termEndingWithinDays', settings?.reviewWarningDays ?? 90)}
              aria-label={t('carriers.termEndingDefault')}
            >
              R-03
            </Button>
          ) : undefined
        }
        rightSectionWidth={52}
      />
      <Checkbox
        label={t('carriers.overdueOnly')}
        checked={filters.overdueOnly}
        onChange={(e) => set('overdueOnly', e.currentTarget.checked)}
        mb={8}
      />
      {active > 0 && (
        <Button variant="subtle" onClick={() => onChange({ ...EMPTY_FILTERS, search: filters.search })} mb={2}>
          {t('carriers.clearFilters', { count: active })}
        </Button>
      )}
    </Group>
  );
}
