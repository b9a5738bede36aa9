/** Base64 of raw bytes, the same in Node and in the browser (no Buffer, no btoa on binary strings). */
import { base64 } from '@scure/base';

export function bytesToBase64(bytes: Uint8Array): string {
  return base64.encode(bytes);
}

export function base64ToBytes(text: string): Uint8Array {
  return base64.decode(text);
}
