/**
 * What a unit does after it got a new device key (a restore onto a new PC, or 更换本机密钥): the
 * committee re-enrols it, it sends a full bundle, the fingerprint is read out over the phone.
 */
import { Typography } from 'antd';

export function ReEnrolSteps({
  enrolledWith,
  fingerprint,
  why,
  last,
  testId,
  fingerprintTestId,
}: {
  enrolledWith: string;
  fingerprint: string | null;
  why: string;
  last: string;
  testId: string;
  fingerprintTestId: string;
}) {
  return (
    <>
      <Typography.Paragraph strong>请按以下步骤向{enrolledWith}办理重新登记，否则工委将拒收本机报送的同步包：</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, marginBottom: 0 }} data-testid={testId}>
        <li>联系工委，说明{why}，请工委在“同步 → 纳管单位”中对本单位点“重新登记”。</li>
        <li>在本机“同步”页的“报送数据（导出同步包）”中勾选“导出全部数据（不论回执）”，导出同步包并报送工委。</li>
        <li>
          工委导入时会电话核对密钥指纹，请念出本机新的签名密钥指纹：
          <Typography.Text code data-testid={fingerprintTestId}>
            {fingerprint ?? '…'}
          </Typography.Text>
        </li>
        <li>{last}</li>
      </ol>
    </>
  );
}
