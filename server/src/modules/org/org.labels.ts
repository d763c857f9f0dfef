/** Chinese labels used in .xlsx import templates and exports (the users' spreadsheets are in Chinese). */
export const unitKindLabel: Record<string, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  department: '处室',
  college: '二级学院',
  center: '中心',
};
export const politicalStatusLabel: Record<string, string> = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  league_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};
export const positionRoleLabel: Record<string, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
  head: '负责人',
  deputy_head: '副职',
  liaison: '联络员',
  member: '成员',
};
export const genderLabel: Record<string, string> = { male: '男', female: '女' };

/** Accepts either the code or its Chinese label. */
export function fromLabel(map: Record<string, string>, text: string): string | undefined {
  if (map[text]) return text;
  return Object.keys(map).find((k) => map[k] === text);
}
