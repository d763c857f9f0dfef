/** Chinese labels of the task enums, for spreadsheets (the web has its own i18n). */
export const categoryLabel: Record<string, string> = {
  study: '理论学习',
  research: '调查研究',
  lecture: '党课宣讲',
  activity: '主题活动',
  institution: '制度建设',
  project: '项目建设',
  rectification: '整改落实',
  other: '其他',
};
export const statusLabel: Record<string, string> = { planned: '未开始', in_progress: '进行中', done: '已完成', cancelled: '已取消' };
export const ragLabel: Record<string, string> = { red: '红', amber: '黄', green: '绿', none: '—' };
export const recurrenceLabel: Record<string, string> = { none: '不重复', weekly: '每周', monthly: '每月' };

/** The code for a label or the code itself; undefined when neither. */
export function codeOf(labels: Record<string, string>, text: string): string | undefined {
  if (text in labels) return text;
  return Object.keys(labels).find((k) => labels[k] === text);
}

/** A date cell as ISO text: 2026-07-01, 2026/7/1, 2026年7月1日, or a date value (read as a UTC day). */
export function parseDateCell(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (m) {
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso ? null : iso;
  }
  const t = Date.parse(text);
  return text && !Number.isNaN(t) ? new Date(t).toISOString().slice(0, 10) : null;
}

/** Splits a list cell: commas, 、 and semicolons, either width. */
export const splitList = (text: string | undefined) => (text ?? '').split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
