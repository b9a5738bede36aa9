/**
 * Pure checks for every IPC call that reaches the main process: the channel must be in the
 * contract, the sender must be the top frame of our own app:// origin, and the payload must
 * match the channel's argument schema. Kept free of Electron imports so it is unit-tested.
 */
import { APP_HOST, APP_SCHEME, IPC_CONTRACT, isIpcChannel, type IpcArgs, type IpcChannel } from '../shared/ipc/contract';
import { expectedError, fail, ok, type ExpectedError, type Result } from '../shared/errors/errors';

/** The facts about the sending frame that the guard needs (taken from `event.senderFrame`). */
export interface SenderFrameFacts {
  /** URL of the frame that sent the message, '' when unknown. */
  readonly url: string;
  /** True only when the frame has no parent (the window's top frame). */
  readonly isTopFrame: boolean;
}

export type IpcRefusalKind = 'ipc-unknown-channel' | 'ipc-untrusted-sender' | 'ipc-bad-payload';

export type CheckedInvoke = { [C in IpcChannel]: { channel: C; args: IpcArgs<C> } }[IpcChannel];

export function isTrustedSender(frame: SenderFrameFacts | null): boolean {
  if (!frame || !frame.isTopFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

export function checkInvoke(
  channel: unknown,
  frame: SenderFrameFacts | null,
  payload: unknown,
): Result<CheckedInvoke, ExpectedError<IpcRefusalKind>> {
  if (!isIpcChannel(channel)) {
    return fail(expectedError('ipc-unknown-channel', '程序内部请求无效（未知通道），已拒绝。请重新启动程序后再试。'));
  }
  if (!isTrustedSender(frame)) {
    return fail(expectedError('ipc-untrusted-sender', '请求来自不受信任的页面，已拒绝。'));
  }
  const parsed = IPC_CONTRACT[channel].args.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail(
      expectedError('ipc-bad-payload', `请求参数不正确：${first?.message ?? '格式不符'}。`, first?.path as (string | number)[]),
    );
  }
  return ok({ channel, args: parsed.data } as CheckedInvoke);
}
