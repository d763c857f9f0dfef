import { Empty, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignBody, CampaignMember } from '@santong/contract';
import { campaignLabel } from '../labels';
import './workloop.css';

interface Props {
  bodies: CampaignBody[];
  /** when set, clicking a body opens it */
  onOpen?: (b: CampaignBody) => void;
  /** say that clicking edits (the user may write) */
  editable?: boolean;
}

const roleOrder: CampaignMember['role'][] = ['leader', 'director', 'deputy_leader', 'deputy_director', 'member', 'liaison'];

/** Members grouped by role, heads first: "组长 王某（党委书记）  副组长 …  成员 …". */
function MemberLines({ members, withTitles }: { members: CampaignMember[]; withTitles: boolean }) {
  const { t } = useTranslation();
  if (members.length === 0) return <div className="wl-duty">{t('campaign.loop.noMembers')}</div>;
  return (
    <>
      {roleOrder
        .map((role) => [role, members.filter((m) => m.role === role)] as const)
        .filter(([, ms]) => ms.length)
        .map(([role, ms]) => (
          <div key={role}>
            <span className="wl-role">{t(campaignLabel.memberRole(role))}</span>
            {ms.map((m, i) => (
              <Tooltip key={m.id} title={[m.personTitle, m.unitName].filter(Boolean).join(' · ') || undefined}>
                <span data-testid="loop-member">
                  {i > 0 && '、'}
                  {m.personName}
                  {withTitles && (role === 'leader' || role === 'director' || role.startsWith('deputy')) && m.personTitle && <span className="wl-title">（{m.personTitle}）</span>}
                </span>
              </Tooltip>
            ))}
          </div>
        ))}
    </>
  );
}

function BodyNode({ body, onOpen, children }: { body: CampaignBody; onOpen?: (b: CampaignBody) => void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      className={`wl-node wl-${body.kind}${onOpen ? ' wl-editable' : ''}`}
      onClick={onOpen ? () => onOpen(body) : undefined}
      role={onOpen ? 'button' : undefined}
      data-testid={`loop-body-${body.kind}`}
    >
      <div className="wl-head">
        <span>{body.name}</span>
        <small>{t(campaignLabel.bodyKind(body.kind))}</small>
      </div>
      <div className="wl-body">
        {body.duty && <div className="wl-duty">{body.duty}</div>}
        {children ?? <MemberLines members={body.members} withTitles={body.kind !== 'working_group'} />}
      </div>
    </div>
  );
}

function LiaisonGrid({ members }: { members: CampaignMember[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <div className="wl-duty">{t('campaign.loop.noMembers')}</div>;
  return (
    <>
      <div className="wl-duty">{t('campaign.loop.units', { count: new Set(members.map((m) => m.unitId)).size })}</div>
      <div className="wl-liaisons">
        {members.map((m) => (
          <div className="wl-liaison" key={m.id} data-testid="loop-liaison">
            <span className="wl-unit" title={m.unitName ?? ''}>
              {m.unitName ?? '—'}
            </span>
            <span>{m.personName}</span>
          </div>
        ))}
      </div>
    </>
  );
}

/** The work loop as an org chart, with the two directions of the loop on its sides. */
export function WorkLoopChart({ bodies, onOpen, editable }: Props) {
  const { t } = useTranslation();
  if (bodies.length === 0) return <Empty description={t('campaign.loop.empty')} />;
  const of = (k: CampaignBody['kind']) => bodies.filter((b) => b.kind === k);
  const levels: React.ReactNode[] = [];
  for (const b of [...of('leading_group'), ...of('office')]) levels.push(<BodyNode key={b.id} body={b} onOpen={onOpen} />);
  const groups = of('working_group');
  const liaisonTeams = of('liaison_team');
  if (groups.length)
    levels.push(
      <div className="wl-branch" key="groups">
        {groups.map((g) => (
          <div className="wl-col" key={g.id}>
            <BodyNode body={g} onOpen={onOpen} />
            {liaisonTeams.length > 0 && <div className="wl-join" />}
          </div>
        ))}
      </div>,
    );
  for (const b of liaisonTeams)
    levels.push(
      <BodyNode key={b.id} body={b} onOpen={onOpen}>
        <LiaisonGrid members={b.members} />
      </BodyNode>,
    );

  return (
    <div data-testid="work-loop">
      <div className="wl">
        <div className="wl-rail wl-rail-down">
          <span>{t('campaign.loop.deploy')}</span>
        </div>
        <div className="wl-main">
          {levels.map((node, i) => (
            <div key={i} style={{ display: 'contents' }}>
              {i > 0 && <div className="wl-vline" />}
              {node}
            </div>
          ))}
        </div>
        <div className="wl-rail wl-rail-up">
          <span>{t('campaign.loop.report')}</span>
        </div>
      </div>
      <div className="wl-hint">
        {t('campaign.loop.hint')}
        {editable && ` · ${t('campaign.loop.clickToEdit')}`}
      </div>
    </div>
  );
}
