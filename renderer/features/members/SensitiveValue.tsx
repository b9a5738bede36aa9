/** An ID number or phone shown masked; revealed on an explicit click, and the reveal is audited. */
import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { maskIdNumber, maskPhone } from '../../../shared/model/idNumber';
import type { Member } from '../../../shared/model/member';
import { recordReveal } from '../../db/memberRepository';
import { sessionWriteContext } from '../../db/session';
import { useUnitScope } from '../common/unitScope';

export function SensitiveValue({ member, field }: { member: Member; field: 'idNumber' | 'phone' }) {
  const [shown, setShown] = useState(false);
  // the 工委 sees a unit's roster masked only: the members' full details stay with their unit
  const { readOnly } = useUnitScope();
  const value = member[field];
  if (!value) return <span>—</span>;
  const masked = field === 'idNumber' ? maskIdNumber(value) : maskPhone(value);
  if (readOnly) return <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{masked}</span>;
  return (
    <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {shown ? value : masked}
      <Tooltip title={shown ? '隐藏' : '显示完整信息（将记入操作日志）'}>
        <Button
          type="text"
          size="small"
          aria-label={shown ? '隐藏' : `显示${member.name}的完整${field === 'idNumber' ? '身份证号' : '电话'}`}
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={async () => {
            if (!shown) await recordReveal(await sessionWriteContext(), member, field);
            setShown(!shown);
          }}
        />
      </Tooltip>
    </span>
  );
}
