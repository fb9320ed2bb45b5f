/** @jsxImportSource preact */
/** How the kit's parts look in the shell (base.css, shell.css, pay.css): a phone's grouped lists. */
import type { Look } from '../kit/index.ts';
import { Skeleton } from './ui.tsx';

export const shellLook: Look = {
  field: 'shell-field',
  hint: 'shell-field-hint',
  input: 'shell-field-input',
  textarea: 'shell-field-input shell-field-textarea',
  select: 'shell-field-input shell-select',
  chip: 'shell-status',
  // Empty and failure states need nothing beyond the shared look.
  state: '',
  more: 'shell-link-button shell-more',
  end: 'shell-section-note',
  loading: () => <Skeleton rows={3} />,
};
