/**
 * Another window (a second tab of the web build, or a newer copy of the program) opened a newer
 * version of the ledger: this window's connection is closed for good and nothing more is saved
 * from it (renderer/db/db.ts). The notice says so, cannot be dismissed, and reloads the window on
 * the user's word — after they have copied anything still unsaved from the screen behind it (the
 * notice has no mask, so that screen stays selectable).
 */
import { useEffect, useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { watchAppDatabaseClosed } from '../../db/session';

export function DatabaseClosedNotice() {
  const [closed, setClosed] = useState(false);
  useEffect(() => watchAppDatabaseClosed(() => setClosed(true)), []);
  return (
    <Modal
      open={closed}
      title="本窗口已停止保存"
      closable={false}
      // no mask: the screen behind stays readable and selectable, so unsaved text can be copied out
      mask={false}
      keyboard={false}
      style={{ top: 16 }}
      zIndex={2000}
      footer={
        <Button type="primary" autoFocus onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    >
      <div data-testid="database-closed-notice">
        <Typography.Paragraph>另一个窗口打开了新版本的台账。为免把旧格式的数据写入新版本，本窗口已停止保存，此后的任何修改都不会写入。</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>请先记下本窗口中尚未保存的内容，再点击“重新加载”，在新版本中继续工作。</Typography.Paragraph>
      </div>
    </Modal>
  );
}
