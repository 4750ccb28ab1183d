import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../../src/ledger/inspections/evidence';
import { LinkTo } from './link-to';

const SHOWN = 5;
// evidence.ts lists at most this many links; the count says how many there are in all.
const MAX_LINKS = 50;

/**
 * What the ledger already knows for an item: a count (red when there is something to look
 * at), main's summary and links to the carriers, media, computers or people concerned.
 */
export function EvidenceView({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const links = all ? evidence.links : evidence.links.slice(0, SHOWN);
  return (
    <Stack gap={2} data-testid="evidence">
      <Group gap={6}>
        <Badge size="sm" variant={evidence.count > 0 ? 'filled' : 'light'} color={evidence.count > 0 ? 'red' : 'teal'}>
          {t('inspection.evidenceLabel')}
        </Badge>
        <Text size="sm" c={evidence.count > 0 ? 'red.8' : 'dimmed'} data-testid="evidence-summary">
          {evidence.summary}
        </Text>
      </Group>
      {links.map((l) => (
        <Group key={`${l.type}:${l.id}`} gap={4} pl="md">
          <Text size="sm" c="dimmed">
            ·
          </Text>
          <LinkTo link={l}>{l.label}</LinkTo>
        </Group>
      ))}
      {evidence.links.length > SHOWN && (
        <Anchor component="button" type="button" size="xs" pl="md" ta="left" onClick={() => setAll((v) => !v)}>
          {all ? t('inspection.fewerLinks') : t('inspection.moreLinks', { count: evidence.links.length - SHOWN })}
        </Anchor>
      )}
      {evidence.links.length >= MAX_LINKS && evidence.count > evidence.links.length && (
        <Text size="xs" c="dimmed" pl="md">
          {t('inspection.linksCapped', { count: evidence.count })}
        </Text>
      )}
    </Stack>
  );
}
