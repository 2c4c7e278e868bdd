import { useSyncExternalStore } from 'react';

// Chinese by default; the choice is remembered in localStorage. Each entry is [中文, English].
export type Lang = 'zh' | 'en';
const KEY = 'eventhr.lang';
const listeners = new Set<() => void>();

function readLang(): Lang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

let current: Lang = readLang();
const markPage = () => (document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en');
markPage();

export function toggleLang() {
  current = current === 'zh' ? 'en' : 'zh';
  localStorage.setItem(KEY, current);
  markPage();
  listeners.forEach((l) => l());
}

/** Re-renders the caller when the language changes. */
export function useLang(): Lang {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

const words = {
  appName: ['EventHr 绩效看板', 'EventHr dashboard'],
  langButton: ['English', '中文'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  tokenLabel: ['访问令牌 (JWT)', 'Access token (JWT)'],
  tokenHint: ['粘贴 ./ops/token 生成的令牌，或使用 /app/#token=… 链接。', 'Paste a token from ./ops/token, or open /app/#token=….'],
  signedOut: ['令牌无效或已过期，请重新登录。', 'The token was refused or has expired: sign in again.'],
  devMint: ['开发环境：生成令牌', 'Development: mint a token'],
  devMintButton: ['生成并登录', 'Mint and sign in'],
  role: ['角色', 'Role'],
  sub: ['用户 ID (sub)', 'User id (sub)'],
  brands: ['品牌（逗号分隔）', 'Brands (comma separated)'],
  brand: ['品牌', 'Brand'],
  department: ['部门', 'Department'],
  employeeId: ['员工编号', 'Employee id'],
  employee: ['员工', 'Employee'],
  loading: ['加载中…', 'Loading…'],
  notFound: ['未找到 Not found', '未找到 Not found'],
  none: ['暂无', 'None'],
  exportXlsx: ['导出 Excel', 'Export xlsx'],
  showAll: ['显示全部（{n} 条）', 'Show all ({n})'],
  viewFailed: ['页面出错', 'This view failed'],
  reload: ['刷新', 'Reload'],
  exportFailed: ['导出失败，请刷新页面后重试：', 'The export failed; reload the page and try again:'],
  groupView: ['集团总览', 'Group'],
  departmentView: ['部门', 'Department'],
  myView: ['我的', 'Me'],
  month: ['月份', 'Month'],
  statOpenWarnings: ['待确认预警', 'Open warnings'],
  statPlansInProgress: ['改进期中', 'Plans in progress'],
  statDecisionsDue: ['7日内待决定', 'Decisions due in 7 days'],
  statNoData: ['缺数据上报', 'No-data escalations'],
  heatmap: ['品牌 × 岗位 达标率', 'Attainment by brand × post'],
  headcount: ['人数', 'Headcount'],
  costTitle: ['薪资成本率（30% 警戒线）', 'Salary-cost ratio (30% line)'],
  costRegion: ['按区域', 'By region'],
  costBrandPost: ['按品牌 × 岗位', 'By brand × post'],
  key: ['维度', 'Key'],
  ratio: ['成本率', 'Ratio'],
  salaryCost: ['薪资成本', 'Salary cost'],
  revenue: ['销售额', 'Revenue'],
  turnoverTitle: ['离职率', 'Turnover'],
  turnoverRegion: ['按区域离职率', 'Turnover by region'],
  turnoverPost: ['按岗位离职率', 'Turnover by post'],
  startHeadcount: ['期初人数', 'Start headcount'],
  endHeadcount: ['期末人数', 'End headcount'],
  separations: ['离职人数', 'Separations'],
  turnover: ['离职率', 'Turnover'],
  alerts: ['未关闭预警', 'Open alerts'],
  reportTitle: ['昨日日报', "Yesterday's report"],
  reportDate: ['日期', 'Date'],
  threshold: ['成本阈值', 'Cost threshold'],
  name: ['姓名', 'Name'],
  post: ['岗位', 'Post'],
  orders: ['订单', 'Orders'],
  conversion: ['转化率', 'Conversion'],
  aov: ['客单价', 'AOV'],
  attainment: ['达标', 'Attainment'],
  met: ['达标', 'Met'],
  notMet: ['未达标', 'Not met'],
  lowRun: ['连续低绩效', 'in a run of low days'],
  overThreshold: ['超出成本阈值', 'Over the cost threshold'],
  postAverages: ['岗位平均', 'Post averages'],
  employees: ['人数', 'Employees'],
  calendarTitle: ['21 日达标日历', '21-day attainment calendar'],
  lowRunLegend: ['红框：连续 {n} 天或以上未达标', 'Red border: {n} or more low days in a row'],
  myCases: ['我的案件', 'My cases'],
  cases: ['案件', 'Cases'],
  caseId: ['案件编号', 'Case'],
  status: ['状态', 'Status'],
  openedOn: ['立案日期', 'Opened on'],
  nextDue: ['下一截止日', 'Next due'],
  notifications: ['我的通知', 'My notifications'],
  kind: ['类型', 'Kind'],
  message: ['内容', 'Message'],
  pickDepartment: ['请输入部门', 'Enter a department'],
  show: ['查看', 'Show'],
  caseTitle: ['绩效案件', 'Performance case'],
  timeline: ['时间线', 'Timeline'],
  plan: ['改进计划', 'Improvement plan'],
  targets: ['目标', 'Targets'],
  from: ['开始', 'From'],
  until: ['结束', 'Until'],
  acknowledged: ['员工已确认', 'Acknowledged'],
  notAcknowledged: ['员工未确认', 'Not acknowledged'],
  noPlan: ['尚无改进计划', 'No plan yet'],
  progress: ['计划期内每日表现', 'Progress day by day'],
  date: ['日期', 'Date'],
  actions: ['可执行操作', 'Actions'],
  noActions: ['当前状态无可执行操作', 'Nothing can be done in this state'],
  noteTitle: ['沟通记录', 'Conversation note'],
  noteText: ['沟通内容', 'What was said'],
  noteResponse: ['员工回应', "Employee's response"],
  planTitle: ['设定改进计划', 'Set the plan'],
  support: ['支持措施（每行一项，留空则保留草案中的措施）', 'Support (one per line; empty keeps the drafted ones)'],
  supportList: ['支持措施', 'Support'],
  ackTitle: ['确认改进计划', 'Acknowledge the plan'],
  ackHint: ['员工本人确认；HR 代为记录时须填写见证人（员工拒签）。', 'The employee acknowledges; HR recording it on paper names the witness of a refusal.'],
  witness: ['见证人', 'Witness'],
  trainingTitle: ['安排培训', 'Assign training'],
  course: ['课程', 'Course'],
  metric: ['指标', 'Metric'],
  scheduledOn: ['培训日期', 'Scheduled on'],
  trainings: ['培训', 'Trainings'],
  completeTraining: ['记录完成', 'Record completion'],
  completedOn: ['完成于', 'Completed on'],
  decideTitle: ['决定', 'Decide'],
  decisionKind: ['决定类型', 'Decision'],
  reason: ['理由', 'Reason'],
  extendUntil: ['延长至', 'Extend until'],
  toPost: ['调至岗位', 'To post'],
  newSalary: ['新月薪', 'New monthly salary'],
  consentRef: ['协议编号', 'Agreement reference'],
  effectiveOn: ['生效日期', 'Effective on'],
  noticeKind: ['通知方式', 'Notice'],
  servedOn: ['送达日期', 'Served on'],
  deliveryMethod: ['送达方式', 'Delivery'],
  deliveryRef: ['送达凭证', 'Delivery reference'],
  unionNotifiedOn: ['通知工会日期', 'Union notified on'],
  unionReasons: ['告知工会的理由', 'Reasons given to the union'],
  submit: ['提交', 'Submit'],
  done: ['已完成 ✓', 'Done ✓'],
  evidence: ['仲裁证据包', 'Evidence bundle'],
  salaryWithheld: ['薪资信息已隐去', 'Salary figures withheld'],
  myDays: ['我的每日表现', 'My days against the target'],
  daysTitle: ['每日表现', 'Days against the target'],
  myPlan: ['我的改进计划', 'My plan'],
  ackPlan: ['我已阅读并确认改进计划', 'I acknowledge the plan'],
  noOpenCase: ['目前没有进行中的改进计划', 'No open plan'],
  standardTitle: ['岗位考核标准', "The post's standard"],
  version: ['版本', 'Version'],
  target: ['目标值', 'Target'],
  direction: ['方向', 'Direction'],
  atLeast: ['不低于', 'at least'],
  atMost: ['不高于', 'at most'],
  ackStandard: ['我已阅读并确认该标准', 'I acknowledge this standard'],
  standardAcknowledged: ['已确认考核标准 v{v}', 'Standard v{v} acknowledged'],
  noStandard: ['该岗位暂无生效的考核标准', 'No standard in force for this post'],
  profile: ['员工信息', 'Profile'],
  employeeCases: ['案件记录', 'Cases'],
  problemGuard: ['法律要求未满足', 'Legal requirement not met'],
  problemMissing: ['尚缺：', 'Still missing:'],
  field: ['字段', 'Field'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
} satisfies Record<string, [string, string]>;

export type Word = keyof typeof words;

export function t(key: Word, vars?: Record<string, string | number>): string {
  let text = words[key][current === 'zh' ? 0 : 1];
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, String(v));
  return text;
}

/** A pair looked up by a server-side name; an unknown name is shown as it is. */
export function label(table: Record<string, readonly [string, string]>, name: string | null | undefined): string {
  if (!name) return '';
  const pair = table[name];
  return pair ? pair[current === 'zh' ? 0 : 1] : name;
}
