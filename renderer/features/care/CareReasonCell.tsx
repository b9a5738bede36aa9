/**
 * A 走访慰问's 慰问事由 in the list: it may tell of an illness or a family's hardship, so it is
 * hidden until the cadre clicks to see it (the reveal is audited), as full ID numbers are. The 工委,
 * reading a unit's ledger, never sees it.
 */
import { useState } from 'react';
import { Button, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { CareVisit } from '../../../shared/model/care';
import { recordCareReasonReveal } from '../../db/careRepository';
import { sessionWriteContext } from '../../db/session';
import { useUnitScope } from '../common/unitScope';

export function CareReasonCell({ visit }: { visit: CareVisit }) {
  const [shown, setShown] = useState(false);
  const { readOnly } = useUnitScope();
  if (!visit.reason) return <Typography.Text type="secondary">—</Typography.Text>;
  if (readOnly) return <Typography.Text type="secondary">（已登记，仅本单位可见）</Typography.Text>;
  return (
    <span>
      {shown ? visit.reason : <Typography.Text type="secondary">已登记（涉及个人情况，点击查看）</Typography.Text>}
      <Tooltip title={shown ? '隐藏' : '显示慰问事由（将记入操作日志）'}>
        <Button
          type="text"
          size="small"
          aria-label={shown ? `隐藏对“${visit.visitedName}”的慰问事由` : `显示对“${visit.visitedName}”的慰问事由`}
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={async () => {
            if (!shown) await recordCareReasonReveal(await sessionWriteContext(), visit);
            setShown(!shown);
          }}
        />
      </Tooltip>
    </span>
  );
}
