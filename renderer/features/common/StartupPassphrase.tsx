/**
 * The 开机口令 (docs/security.md): asked for at setup and restore where the OS keeps no keys for
 * this program (the web build, UOS/Kylin without a keyring), so that the data key can be kept.
 * `useDataKeyProtection` says which; `StartupPassphraseFields` are the two form fields;
 * `createDataKeyFor` makes and unlocks the data key before a setup or restore writes anything.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input } from 'antd';
import { PASSPHRASE_LIMITS } from '../../../shared/bundle/limits';
import type { Result } from '../../../shared/errors/errors';
import { createDataKey, type DataKeyProtection, type KeyringError } from '../../db/encryption/dataKeyAccess';
import type { KeyringRow } from '../../db/localTypes';
import { onAppDatabase } from '../../db/session';
import { platform } from '../../platform';

export type ProtectionAvailability = 'checking' | { readonly os: true } | { readonly os: false; readonly reason: string };

/** Whether the OS keystore can keep the data key here; while 'checking', show nothing yet. */
export function useDataKeyProtection(): ProtectionAvailability {
  const [state, setState] = useState<ProtectionAvailability>('checking');
  useEffect(() => {
    let live = true;
    void platform()
      .dataKeyProtection()
      .then((p) => live && setState(p.available ? { os: true } : { os: false, reason: p.reason }))
      .catch(() => live && setState({ os: false, reason: '无法确认本机系统能否保管密钥，请设置开机口令' }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export const STARTUP_PASSPHRASE_RULE = `开机口令至少 ${PASSPHRASE_LIMITS.minPassphraseLength} 个字符，每次打开程序时输入。程序不保存开机口令，忘记后只能在重新安装后用台账备份文件恢复，请牢记并定期备份。`;

/** The 开机口令 twice, with what it is for. Field names: startupPassphrase, startupPassphraseConfirmation. */
export function StartupPassphraseFields({ reason }: { reason: string }) {
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="设置开机口令"
        description={`身份证号、联系电话、慰问事由和本机密钥在本机加密保存。${reason}：由开机口令保护加密密钥。${STARTUP_PASSPHRASE_RULE}`}
      />
      <Form.Item
        name="startupPassphrase"
        label="开机口令"
        required
        rules={[
          {
            validator: (_, value: string | undefined) =>
              [...(value ?? '').normalize('NFC')].length >= PASSPHRASE_LIMITS.minPassphraseLength
                ? Promise.resolve()
                : Promise.reject(new Error(`开机口令至少需要 ${PASSPHRASE_LIMITS.minPassphraseLength} 个字符`)),
          },
        ]}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="startupPassphraseConfirmation"
        label="确认开机口令"
        required
        dependencies={['startupPassphrase']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value === getFieldValue('startupPassphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的开机口令不一致，请重新输入。')),
          }),
        ]}
      >
        <Input.Password maxLength={200} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** Makes the workspace's data key (kept by the OS, or under the 开机口令 typed) and unlocks it. */
export function createDataKeyFor(
  availability: ProtectionAvailability,
  startupPassphrase: string | undefined,
  onProgress?: (fraction: number) => void,
): Promise<Result<KeyringRow, KeyringError>> {
  const protection: DataKeyProtection = availability !== 'checking' && availability.os ? { kind: 'os' } : { kind: 'passphrase', passphrase: startupPassphrase ?? '' };
  return onAppDatabase(createDataKey, protection, platform(), onProgress ? { onProgress } : {});
}
