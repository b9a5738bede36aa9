/** 组织树: the unit's party organisations as a tree, the selected one in detail beside it. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Empty, Space, Spin, Switch, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Member } from '../../../shared/model/member';
import type { Organisation } from '../../../shared/model/organisation';
import { ORGANISATION_KIND_LABELS } from '../../../shared/model/vocabulary';
import { termLight } from '../../../shared/rules/organisations/termLight';
import { treeOrder } from '../../../shared/rules/organisations/organisationTree';
import { TermLightTag } from '../common/TermLightTag';
import { todayIso } from '../common/today';
import { useRuleProfile } from '../common/useRuleProfile';
import { useUnitLedger } from '../common/useUnitLedger';
import { DissolveModal } from './DissolveModal';
import { ElectionModal } from './ElectionModal';
import { ExtensionModal } from './ExtensionModal';
import { OrganisationDetail, type OrganisationActions } from './OrganisationDetail';
import { OrganisationFormModal } from './OrganisationFormModal';
import { SeatModal } from './SeatModal';
import { useSearchParams } from 'react-router';
import { WriteOnly } from '../common/unitScope';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

export function OrganisationTreePage() {
  const data = useUnitLedger();
  const profile = useRuleProfile();
  const [params] = useSearchParams();
  // ?org=<id>: opened on that organisation (the 工委's dashboard links here)
  const [selectedId, setSelectedId] = useState<string | null>(params.get('org'));
  const [showDissolved, setShowDissolved] = useState(false);
  const [form, setForm] = useState<{ editing: Organisation | null; parentId: string | null } | null>(null);
  const [electionFor, setElectionFor] = useState<Organisation | null>(null);
  const [extensionFor, setExtensionFor] = useState<{ org: Organisation; termEnd: string | null } | null>(null);
  const [dissolveFor, setDissolveFor] = useState<Organisation | null>(null);
  const [seatFor, setSeatFor] = useState<{ org: Organisation; candidates: Member[] } | null>(null);

  const organisations = useMemo(() => data?.organisations ?? [], [data]);
  const treeData = useMemo(() => {
    const asOf = todayIso();
    const visible = organisations.filter((o) => showDissolved || !o.dissolvedOn);
    const items = new Map<string, TreeItem>();
    const roots: TreeItem[] = [];
    for (const { node } of treeOrder(visible)) {
      const light = termLight({ organisation: node, elections: data?.elections ?? [], asOf }, profile);
      const item: TreeItem = {
        key: node.id,
        title: (
          <Space size={6}>
            <span style={node.dissolvedOn ? { color: '#999', textDecoration: 'line-through' } : undefined}>{node.name}</span>
            {!node.name.endsWith(ORGANISATION_KIND_LABELS[node.kind]) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ORGANISATION_KIND_LABELS[node.kind]}
              </Typography.Text>
            )}
            {node.dissolvedOn ? <Tag>已撤销</Tag> : light.applicable && <TermLightTag light={light.light} reason={light.reason} />}
          </Space>
        ),
        children: [],
      };
      items.set(node.id, item);
      const parent = node.parentId ? items.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(item);
    }
    return roots;
  }, [organisations, data?.elections, profile, showDissolved]);

  // Every branch starts expanded, and so does one added later; what the user folds stays folded.
  const [expanded, setExpanded] = useState<string[]>([]);
  const known = useRef(new Set<string>());
  useEffect(() => {
    const fresh = organisations.map((o) => o.id).filter((id) => !known.current.has(id));
    if (fresh.length === 0) return;
    fresh.forEach((id) => known.current.add(id));
    setExpanded((keys) => [...keys, ...fresh]);
  }, [organisations]);

  if (!data) return <Spin description="正在读取…" />;
  const selected = organisations.find((o) => o.id === selectedId) ?? null;

  const actions: OrganisationActions = {
    edit: (org) => setForm({ editing: org, parentId: org.parentId }),
    addChild: (org) => setForm({ editing: null, parentId: org.id }),
    election: setElectionFor,
    extension: (org, termEnd) => setExtensionFor({ org, termEnd }),
    dissolve: setDissolveFor,
    addSeat: (org, candidates) => setSeatFor({ org, candidates }),
  };

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card
        title="组织树"
        style={{ width: 380, flex: 'none' }}
        extra={
          <WriteOnly>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null, parentId: selected && !selected.dissolvedOn ? selected.id : null })}>
              新增党组织
            </Button>
          </WriteOnly>
        }
      >
        {organisations.length === 0 ? (
          <Empty description="还没有党组织。请从最上级（如机关党委）开始建立本单位的组织树。" />
        ) : (
          <>
            <Tree<TreeItem>
              treeData={treeData}
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys as string[])}
              blockNode
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
              aria-label="党组织"
            />
            <Space style={{ marginTop: 12 }}>
              <Switch size="small" checked={showDissolved} onChange={setShowDissolved} />
              <Typography.Text type="secondary">显示已撤销的党组织</Typography.Text>
            </Space>
          </>
        )}
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {selected ? (
          <OrganisationDetail
            org={selected}
            organisations={organisations}
            elections={data.elections}
            seats={data.seats}
            members={data.members}
            actions={actions}
          />
        ) : (
          <Card>
            <Empty description={organisations.length ? '请在左侧选择一个党组织' : '建立组织树后，在这里查看和维护每个党组织'} />
          </Card>
        )}
      </div>
      <OrganisationFormModal
        open={form !== null}
        editing={form?.editing ?? null}
        defaultParentId={form?.parentId ?? null}
        organisations={organisations}
        onClose={() => setForm(null)}
        onSaved={(org) => {
          setForm(null);
          setSelectedId(org.id);
        }}
      />
      <ElectionModal organisation={electionFor} onClose={() => setElectionFor(null)} />
      <ExtensionModal organisation={extensionFor?.org ?? null} termEnd={extensionFor?.termEnd ?? null} onClose={() => setExtensionFor(null)} />
      <DissolveModal organisation={dissolveFor} onClose={() => setDissolveFor(null)} />
      <SeatModal organisation={seatFor?.org ?? null} candidates={seatFor?.candidates ?? []} onClose={() => setSeatFor(null)} />
    </div>
  );
}
