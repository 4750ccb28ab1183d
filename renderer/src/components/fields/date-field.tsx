import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A business date (YYYY-MM-DD) through the browser's own date input: keyboard entry,
 * no date-picker package, and the value is already in the format main expects.
 */
export function DateField(props: Omit<TextInputProps, 'type'>) {
  return <TextInput type="date" w={props.w ?? 170} {...props} />;
}
