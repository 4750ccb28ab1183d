import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderZh } from '../test/fake-api';
import { StateBadge } from './carrier-badges';

describe('StateBadge', () => {
  it('shows the state in a light badge of its colour', () => {
    renderZh(<StateBadge state="lent" />);
    const badge = screen.getByTestId('state-badge');
    expect(badge.textContent).toBe('借出');
    expect(badge.getAttribute('data-variant')).toBe('light');
    expect(badge.hasAttribute('data-overdue')).toBe(false);
  });

  it('marks an item back late in filled red, and says so', () => {
    renderZh(<StateBadge state="lent" overdue />);
    const badge = screen.getByTestId('state-badge');
    expect(badge.textContent).toBe('借出·逾期');
    expect(badge.getAttribute('data-variant')).toBe('filled');
    expect(badge.getAttribute('data-overdue')).toBe('true');
  });
});
