import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, summary } from '../test/fake-api';
import { renderInShell } from '../test/shell-harness';
import { HomePage } from './home-page';

describe('HomePage', () => {
  it('warns in red when the computer’s clock went back during this session, naming both times', async () => {
    fakeApi();
    renderInShell(<HomePage />, { ctx: { summary: summary({ clockWentBack: { previous: '2026-11-22T08:00:00.000Z', now: '2026-11-21T08:00:00.000Z' } }) } });
    const alert = await screen.findByTestId('clock-went-back');
    expect(alert.textContent).toContain('计算机时钟早于台账中已有记录的时间');
    expect(alert.textContent).toMatch(/2026\/11\/22.*2026\/11\/21/);
  });

  it('shows no clock warning on a normal session', async () => {
    fakeApi();
    renderInShell(<HomePage />);
    await screen.findByTestId('vault-info');
    expect(screen.queryByTestId('clock-went-back')).toBeNull();
  });
});
