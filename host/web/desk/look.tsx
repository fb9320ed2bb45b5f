/** @jsxImportSource preact */
/** How the kit's parts look in the consoles (desk.css): roomier fields, badges, white cards. */
import type { Look } from '../kit/index.ts';

export const deskLook: Look = {
  field: 'shell-field desk-field',
  hint: 'desk-hint',
  input: 'shell-field-input',
  textarea: 'shell-field-input desk-textarea',
  select: 'shell-field-input desk-select',
  chip: 'desk-badge',
  state: 'desk-empty',
  more: 'desk-button desk-more-button',
  end: 'desk-note desk-end',
  loading: () => (
    <div class="desk-loading" aria-busy="true" aria-label="Loading">
      <span class="shell-bone shell-bone-line" />
      <span class="shell-bone shell-bone-short" />
      <span class="shell-bone shell-bone-short" />
    </div>
  ),
};
