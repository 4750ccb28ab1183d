import { Button, Checkbox, Container, Group, Image, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateVaultResult } from '../../../src/api/types';
import { formatDate } from '../lib/format';

/** The SVG of the key's QR code as a data: URL (allowed by the CSP's img-src). */
export async function recoveryKeyQrDataUrl(key: string): Promise<string> {
  const svg = await QRCode.toString(key, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

interface RecoverySheetProps {
  result: CreateVaultResult;
  onDone: () => void;
  /** A key issued again from the settings page: dated as issued, and the old one is void. */
  reissued?: boolean;
}

export function RecoverySheet({ result, onDone, reissued = false }: RecoverySheetProps) {
  const { t, i18n } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void recoveryKeyQrDataUrl(result.recoveryKey).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [result.recoveryKey]);

  const groups = result.recoveryKey.split('-');
  const facts: [string, string][] = [
    [t('recovery.unitName'), result.unitName],
    [t('recovery.officerName'), result.officerName],
    [reissued ? t('recovery.issuedAt') : t('recovery.createdAt'), formatDate(result.createdAt, i18n.language)],
    [t('recovery.vaultId'), result.vaultId],
  ];

  return (
    <Container size="md" py="xl">
      <Paper withBorder p="xl" radius="md" className="recovery-sheet" data-testid="recovery-sheet">
        <Stack>
          <Title order={2} ta="center">
            {t('recovery.title')}
          </Title>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {facts.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={140}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group align="center" justify="space-between" wrap="nowrap" gap="xl">
            <Stack gap={4} style={{ flex: 1 }}>
              <Text fw={600}>{t('recovery.key')}</Text>
              {/* One text node per group plus the hyphens, so copying or reading the element
                  gives back the key exactly as issued. */}
              <Text
                data-testid="recovery-key"
                ff="monospace"
                fz={28}
                fw={700}
                lh={1.5}
                style={{ letterSpacing: '0.08em', wordBreak: 'normal', overflowWrap: 'normal' }}
              >
                {groups.map((g, i) => (
                  <Fragment key={i}>
                    {i > 0 && '-'}
                    {i > 0 && <wbr />}
                    {g}
                  </Fragment>
                ))}
              </Text>
            </Stack>
            {qr && <Image src={qr} alt={t('recovery.qrAlt')} w={180} h={180} fit="contain" />}
          </Group>
          <div>
            <Text fw={600}>{t('recovery.instructionsTitle')}</Text>
            <List size="sm" type="ordered">
              <List.Item>{t('recovery.instructions1')}</List.Item>
              <List.Item>{t('recovery.instructions2')}</List.Item>
              <List.Item>{t('recovery.instructions3')}</List.Item>
              {reissued && <List.Item>{t('recovery.instructionsReissued')}</List.Item>}
            </List>
          </div>
        </Stack>
      </Paper>
      <Stack className="no-print" mt="lg">
        <Group>
          <Button variant="default" onClick={() => window.print()}>
            {t('recovery.print')}
          </Button>
        </Group>
        <Checkbox
          label={t('recovery.confirm')}
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        <Group>
          <Button disabled={!saved} onClick={onDone}>
            {t('recovery.done')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
