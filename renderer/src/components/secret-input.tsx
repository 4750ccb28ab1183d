import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';

/**
 * Mantine's PasswordInput leaves aria-invalid and aria-describedby off its inner input, so
 * a screen reader would not hear the R-10 or mismatch error; this adds them.
 */
export function SecretInput(props: PasswordInputProps) {
  const autoId = useId();
  const id = props.id ?? autoId;
  const invalid = Boolean(props.error);
  return (
    <PasswordInput
      {...props}
      id={id}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
    />
  );
}
