import type { ReactNode } from 'react';
import { Dialog } from 'tdesign-react';

/** A confirmation before a change that others notice (a move, a deactivation): TDesign Dialog, its text by id. */
export function ConfirmDialog(props: { visible: boolean; textId: string; header: string; confirm: string; busy: boolean; onConfirm: () => void; onCancel: () => void; children: ReactNode }) {
  return (
    <Dialog
      visible={props.visible}
      header={props.header}
      theme="warning"
      confirmBtn={{ content: props.confirm, loading: props.busy }}
      cancelBtn="取消"
      onConfirm={props.onConfirm}
      onClose={props.onCancel}
      destroyOnClose
    >
      <p id={props.textId} role="alert">
        {props.children}
      </p>
    </Dialog>
  );
}
