/** The honest page of an area that is not built yet: says so, and what it will hold. No fake data. */
import type { ReactNode } from 'react';
import { Card, Result } from 'antd';

/** What the page says of the area (an Area of the frame's navigation, passed by the router). */
export interface PlannedArea {
  readonly label: string;
  readonly icon: ReactNode;
  /** One line on what the area will hold. */
  readonly purpose: string;
}

export function UnderConstructionPage({ area }: { area: PlannedArea }) {
  return (
    <Card>
      <Result
        status="info"
        icon={area.icon}
        title={`${area.label}（建设中）`}
        subTitle={
          <>
            <div>{area.purpose}</div>
            <div style={{ marginTop: 8 }}>此功能正在建设中，当前版本尚不能使用。已录入的数据不受影响。</div>
          </>
        }
      />
    </Card>
  );
}
