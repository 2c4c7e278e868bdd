// Names the API uses, in words (event titles come with the timeline, from the server's event catalogue); guards and
// evidence elements follow Domain/Law and the case decisions. An unknown name is shown raw (see label()).
type Pairs = Record<string, readonly [string, string]>;

export const caseStatuses: Pairs = {
  'plan-pending': ['待确认改进计划', 'Plan pending'],
  'plan-active': ['改进期中', 'Plan in progress'],
  'awaiting-decision': ['待决定', 'Awaiting decision'],
  'remedy-required': ['待补救（培训或调岗）', 'Remedy required (training or reassignment)'],
  'termination-possible': ['可依法解除', 'Termination possible'],
  closed: ['已结案', 'Closed'],
};

export const guards: Pairs = {
  'g1-standard-not-acknowledged': ['考核标准须在考核期前公示并经员工确认（G1）', 'The standard must be published and acknowledged before the period (G1)'],
  'g3-target-under-review': ['考核标准被标记为不公平，HR 复核前不得认定（G3）', 'The standard is flagged as unfair: HR reviews it before a finding (G3)'],
  'g4-warning-not-finding': ['预警不是不能胜任的认定（G4）', 'A warning is not a finding (G4)'],
  'g5-reassignment-not-suitable': ['调岗须为相容岗位（G5）', 'A reassignment must be to a compatible post (G5)'],
  'g9-law-figure-missing': ['缺少当地法定工资标准，无法计算补偿（G9）', "The city's law figures needed for compensation are missing (G9)"],
  'g12-plan-dates': ['改进期的日期不符合要求（G12）', "The plan period's dates are not allowed (G12)"],
  'g12-too-few-tallied-days': ['考核期有效数据天数不足（G12）', 'Too few tallied days in the period (G12)'],
  'g12-notice-out-of-sequence': ['解除通知须在第二次认定之后（G12）', 'The notice must follow finding #2 (G12)'],
  'g13-plan-targets': ['计划目标不得严于已确认标准，且不得为薪资成本率（G13）', 'Plan targets are no stricter than the standard and never the salary-cost ratio (G13)'],
  'art35-pay-change-not-allowed': ['调薪不符合劳动合同法第35条', 'The pay change is not allowed (art. 35)'],
  'art39-1-not-in-probation': ['不在试用期内（第39条第1项）', 'Not within probation (art. 39(1))'],
  'art39-1-no-hiring-condition': ['入职时未告知可衡量的录用条件（第39条第1项）', 'No measurable hiring condition was communicated (art. 39(1))'],
  'art39-1-condition-not-shown': ['未证明不符合录用条件（第39条第1项）', 'The hiring condition was not shown to be missed (art. 39(1))'],
  'art39-1-reasons-not-in-writing': ['未书面说明理由并送达（第39条第1项）', 'Reasons not given in writing and delivered (art. 39(1))'],
  'art40-2-first-finding-missing': ['缺少第一次不能胜任认定（第40条第2项）', 'The first finding is missing (art. 40(2))'],
  'art40-2-remedy-missing': ['缺少培训或调岗（第40条第2项）', 'Training or reassignment is missing (art. 40(2))'],
  'art40-2-second-assessment-missing': ['缺少补救后的再次考核（第40条第2项）', 'The second assessment after the remedy is missing (art. 40(2))'],
  'art40-notice-missing': ['未提前30日书面通知或支付代通知金（第40条）', "No 30 days' written notice or pay in lieu (art. 40)"],
  'art42-protected-status': ['员工处于第42条保护情形', 'The employee is under an art. 42 protection'],
  'art43-union-not-notified': ['未事先通知工会（第43条）', 'The union was not notified beforehand (art. 43)'],
  'art45-contract-extended': ['保护情形期间合同顺延（第45条）', 'The contract is extended while a protection lasts (art. 45)'],
};

export const missingElements: Pairs = {
  'finding-1': ['第一次不能胜任认定（完整考核期未达标）', 'First incompetence finding (a full plan period failed)'],
  remedy: ['针对未达标指标完成培训，或调岗已生效', 'Training completed for the failing metric, or a reassignment in effect'],
  'second-assessment': ['补救后再次考核仍不能胜任', 'A second full assessment failed after the remedy'],
  'notice-after-finding-2': ['通知在第二次认定之后送达', 'Notice served after finding #2'],
  'no-protected-status': ['通知期内无第42条保护情形', 'No art. 42 protection during the notice'],
  'union-notified': ['事先将理由通知工会', 'The union notified of the reasons beforehand'],
  notice: ['提前30日书面通知或支付代通知金', "30 days' notice or pay in lieu, delivered in writing"],
  'notice-honoured': ['通知期或代通知金足额', 'The notice period or pay in lieu honoured in full'],
  'standard-published': ['考核标准在考核期前公示', 'The standard published before the period'],
  'standard-acknowledged': ['员工在考核期前确认考核标准', 'The employee acknowledged the standard before the period'],
  'standard-reviewed': ['HR 已复核被标记的考核标准', 'HR reviewed the flagged standard'],
  'tallied-days': ['考核期内足够的有效数据天数', 'Enough tallied days in the period'],
  'plan-length': ['改进期达到最短天数', 'The plan period lasts the minimum days'],
  'plan-start': ['改进期从确认之日或之后开始', 'The period starts on or after the acknowledgement'],
  'after-first-plan': ['第二期在第一期结束后开始', 'The second period starts after the first ended'],
  'after-remedy': ['第二期在补救生效后开始', 'The second period starts once the remedy is in effect'],
  'compatible-post': ['新岗位与原岗位相容', 'The new post is compatible with the current one'],
  'band-published-before': ['新岗位薪酬区间早于认定公布', "The new post's pay band published before finding #1"],
  'pay-in-new-band': ['薪酬在新岗位区间内', "Pay inside the new post's band"],
  'pay-above-floor': ['不低于合同约定及最低工资', 'Not below the contract floor or the minimum wage'],
  'no-cut-while-protected': ['孕期、产期、哺乳期不得降薪', 'No pay cut during pregnancy, maternity or nursing'],
  'pay-cut-consent': ['降薪须有签署的协议（或合同约定薪随岗变）', 'A pay cut needs a signed agreement (or a pay-with-post clause)'],
  'in-probation': ['在试用期内', 'Within probation'],
  'hiring-conditions': ['入职时告知了可衡量的录用条件', 'A measurable hiring condition communicated at hire'],
  'condition-shown': ['数据证明未达到录用条件', 'The tallies show the condition missed'],
  'reasons-in-writing': ['书面说明理由并送达', 'Reasons given in writing and delivered'],
};

export const metrics: Pairs = {
  orders: ['订单数', 'Orders'],
  visitors: ['访客数', 'Visitors'],
  revenue: ['销售额', 'Revenue'],
  repeatOrders: ['复购订单', 'Repeat orders'],
  clicks: ['点击数', 'Clicks'],
  avgResponseSeconds: ['平均响应（秒）', 'Avg response (s)'],
  csat: ['满意度', 'CSAT'],
  dwellSeconds: ['停留时长（秒）', 'Dwell (s)'],
  conversionRate: ['转化率', 'Conversion rate'],
  averageOrderValue: ['客单价', 'Average order value'],
  repeatRate: ['复购率', 'Repeat rate'],
  salaryCostRatio: ['薪资成本率', 'Salary-cost ratio'],
};

/** Metrics that are ratios, shown as percentages. */
export const ratioMetrics = new Set(['conversionRate', 'repeatRate', 'salaryCostRatio']);

export const alertKinds: Pairs = {
  cost: ['成本', 'Cost'],
  performance: ['绩效', 'Performance'],
  attrition: ['离职', 'Attrition'],
  fairness: ['公平', 'Fairness'],
};

export const decisionKinds: Pairs = {
  pass: ['考核通过', 'Pass'],
  extend: ['延长考核期', 'Extend'],
  finding: ['认定不能胜任', 'Finding'],
  reassign: ['调岗', 'Reassign'],
  'adjust-pay': ['协商调薪', 'Adjust pay'],
  terminate: ['解除劳动合同', 'Terminate'],
};

export const roles: Pairs = {
  hr: ['HR', 'HR'],
  manager: ['部门负责人', 'Department head'],
  employee: ['员工', 'Employee'],
  auditor: ['审计', 'Auditor'],
  admin: ['管理员', 'Admin'],
  integration: ['数据接口', 'Feed'],
};
