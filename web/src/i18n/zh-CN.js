// 简体中文（默认）
export default {
  app: { name: '催收工作台', signOut: '退出登录', language: 'English' },
  nav: { dashboard: '看板', reports: '报表', queue: '我的队列', cases: '案件', approvals: '审批', imports: '数据导入', users: '用户', cycle: '日终批处理', configuration: '模板与规则' },
  role: {
    collector: '催收员', team_lead: '组长', supervisor: '主管', legal: '法务', compliance: '合规',
    agency_user: '委外人员', admin: '管理员', auditor: '审计',
  },
  signIn: {
    title: '登录', login: '登录名', password: '密码', submit: '登录',
    required: '请输入登录名和密码', failed: '登录名或密码错误', locked: '账户已锁定：{detail}',
  },
  common: {
    loading: '加载中…', empty: '暂无数据', retry: '重试', error: '出错了', save: '保存', cancel: '取消',
    notFound: '案件不存在或不在您的权限范围内', more: '加载更多', days: '{n} 天', submit: '提交', close: '关闭',
  },
  queue: {
    title: '今日队列', date: '日期', search: '按姓名、手机号或证件号搜索', rank: '序号', customer: '客户',
    dpd: '逾期天数', bucket: '账龄', overdue: '逾期金额', owed: '欠款总额', action: '下一步', template: '模板',
    noContactToday: '今日不可联系', noMatch: '没有找到', promiseDue: '承诺日期', compliance: '合规状态',
    contactFrom: '可联系时间', now: '现在', segment: '策略分组', count: '共 {n} 件', keyboard: '↑↓ 选择，回车打开',
  },
  action: {
    sms: '短信', call: '电话', email: '邮件', letter: '信函', visit: '上门', field_visit: '上门', legal_review: '法务审查',
    agency_placement: '委外', none: '无',
  },
  hold: {
    dispute: '异议', cease_contact: '停止联系', complaint: '投诉', hardship: '困难客户', vulnerable: '特殊群体',
    deceased: '身故', bankruptcy: '破产', litigation: '诉讼中', plan_in_force: '分期履约中',
  },
  stage: {
    new: '新案', reminding: '提醒中', negotiating: '协商中', arrangement: '方案履约中', follow_up: '跟进中',
    escalated: '升级处理', legal: '法诉', closed: '已结案',
  },
  case: {
    back: '返回队列', reassign: '改派', reassignTo: '改派给（登录名）', reassigned: '已改派给 {owner}', debtor: '债务人', idNumber: '证件号', reveal: '查看', revealPurpose: '查看目的',
    revealDone: '已记录本次查看', revealPurposeRequired: '请填写查看目的', accounts: '账户', product: '产品', principal: '本金', interest: '利息',
    penalty_interest: '罚息', compound_interest: '复利', late_fee: '滞纳金', installment_fee: '分期手续费',
    other_fee: '其他费用', penalty: '罚息/复利', fees: '费用', total: '逾期合计', notDue: '未到期本金', contactPoints: '联系方式', kind: '类型',
    value: '号码/地址', relation: '关系', status: '状态', timeline: '时间线', holds: '暂停', promises: '还款承诺',
    stage: '阶段', owner: '负责人', opened: '立案时间', dpd: '逾期天数',
  },
  event: {
    case_open: '立案', case_allocation_assign: '分案', case_allocation_notice: '委外前告知', case_stage: '阶段变更',
    case_close: '结案', contact_call: '电话', contact_sms: '短信', contact_email: '邮件', contact_letter: '信函',
    contact_visit: '上门', promise_new: '还款承诺', payment: '还款', personal_data_reveal: '查看个人信息',
    hold_place: '暂停', hold_release: '解除暂停', arrangement_new: '还款方案', dispute_open: '异议',
  },
  approvals: {
    title: '待审批', subject: '事项', arrangement: '还款方案', reasons: '需要审批的原因', requestedBy: '申请人',
    requestedAt: '申请时间', expiresAt: '有效期至', approve: '批准', reject: '驳回', reason: '审批意见',
    reasonRequired: '请填写审批意见', approved: '已批准', rejected: '已驳回',
  },
  actions: {
    title: '处理', dispute: '异议', component: '争议项目', description: '说明', openDispute: '登记异议',
    disputeOpened: '已登记异议，相关账户暂停催收', placeHold: '暂停催收', holdPlaced: '已暂停', release: '解除',
    released: '已解除', reason: '原因', reasonRequired: '请填写原因', uphold: '异议成立', rejectDispute: '异议不成立',
    resolved: '已处理', escalate: '升级处理', collectionLetter: '催款函', lawyerLetter: '律师函', letterRequested: '已申请函件',
    legal: '转法务', legalDone: '已转法务', visitDate: '上门日期', visitors: '外访人员登录名（逗号分隔）', planVisit: '安排外访',
    visitPlanned: '已安排外访',
  },
  disputeKind: {
    amount_or_fee: '金额或费用有误', not_my_debt: '非本人债务', already_paid: '已还款', fraud: '欺诈/盗用', service_complaint: '服务投诉',
  },
  documents: {
    title: '文档', upload: '上传', uploaded: '已上传', file: '文件', size: '大小', uploadedAt: '上传时间',
    evidence: '证据', id_copy: '证件复印件', court_filing: '法院文书', letter: '函件', agreement: '协议',
  },
  imports: {
    title: '数据导入', kind: '文件类型', customers: '客户', contacts: '联系方式', accounts: '账户', payments: '还款',
    encoding: '编码', partial: '部分导入', partialHelp: '部分导入：有错误的行被拒绝，其余行导入；否则有任何错误则整个文件不导入。',
    choose: '选择文件并导入', started: '开始时间', progress: '进度', rows: '已读 {n} 行', result: '结果',
    counts: '新增 {inserted}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}', errors: '下载被拒绝的行',
    running: '导入中', applied: '已导入', rejected: '已拒绝（未导入）', failed: '失败',
  },
  users: {
    add: '添加用户', added: '已添加用户 {login}', name: '姓名', role: '角色', team: '团队', agency: '委外机构',
    teamOrAgency: '团队/机构', active: '启用', disabled: '已停用', enable: '启用', disable: '停用',
    resetPassword: '重置密码', newPassword: '新密码', passwordReset: '密码已重置',
  },
  cycle: {
    start: '执行', asOf: '业务日期', started: '开始', finished: '结束', running: '执行中', failed: '失败',
    summary: '账户 {accounts}，在催案件 {open}（新立 {opened}，结清 {cured}），承诺履约 {kept} / 违约 {broken}，队列 {queue} 条',
    step: { load: '读取', cases: '立案', promises: '承诺', compute: '计息与账龄', buckets: '账龄迁移', strategy: '策略',
      allocate: '分案', facts: '报表数据', queue: '工作队列' },
  },
  notice: {
    button: '发送确认短信', title: '确认短信（发送前预览）', sendSms: '发送短信', segments: '共 {n} 条短信',
    queued: '已加入发送队列（{status}）',
  },
  guide: {
    title: '通话指引', none: '没有适用于本案件的话术', previous: '上一步', next: '下一步', objections: '客户异议：',
  },
  config: {
    templates: '消息模板', scripts: '通话话术', packs: '合规规则包', newTemplate: '新建模板', newScript: '新建话术',
    language: '语言', version: '版本', body: '正文', subject: '主题', title: '标题', products: '产品', stages: '案件阶段',
    savedBy: '保存人', effective: '生效日期', jurisdiction: '适用地区', description: '说明', rules: '规则数',
    severity: '级别', source: '依据', saved: '已保存 {id} 第 {version} 版', preview: '按案件预览', previewCase: '案件号',
  },
  legal: {
    title: '法律事务', court: '法院', caseNumber: '案号', filed: '立案日期', hearing: '下次开庭', judgment: '判决金额',
    judgmentOn: '判决日期', enforcement: '执行情况', frozen: '财产已冻结', addCosts: '新增诉讼费用', costs: '诉讼费用',
    update: '更新', return: '退回催收', saved: '已更新',
  },
  legalStatus: { preparing: '准备中', filed: '已立案', hearing: '审理中', judgment: '已判决', enforcement: '执行中', closed: '已结束' },
  contactKind: { mobile: '手机', landline: '固话', email: '邮箱', address: '地址' },
  relation: { self: '本人', spouse: '配偶', parent: '父母', employer: '单位', guarantor: '担保人', emergency: '紧急联系人', other: '其他' },
  pointStatus: { unverified: '未核实', verified: '已核实', invalid: '无效', wrong_party: '非本人' },
  contact: {
    title: '联系记录', channel: '渠道', point: '联系方式', outcome: '结果', party: '对象', notes: '备注',
    check: '拨打前检查', allowed: '合规：允许联系', refused: '合规：不允许联系', log: '记录联系',
    logged: '已记录', outcomeRequired: '请选择联系结果', refusedLogged: '已记录为未联系：{reason}', verifyName: '核实姓名', verifyId: '证件后四位',
  },
  outcome: {
    no_answer: '无人接听', busy: '占线', not_in_service: '空号/停机', voicemail: '语音信箱', wrong_number: '号码错误',
    right_party_contact: '本人接听', third_party: '第三方接听', refused: '拒绝沟通', promise: '承诺还款', dispute: '提出异议',
    hardship: '经济困难', callback_requested: '要求回电', paid_already: '称已还款', deceased: '已故', delivered: '已送达',
    not_delivered: '未送达', visited_met: '上门见到本人', visited_not_met: '上门未见',
  },
  partyKind: { debtor: '债务人', guarantor: '担保人', emergency_contact: '紧急联系人', third_party: '第三方' },
  promise: {
    title: '还款承诺', amount: '金额', date: '承诺日期', record: '记录承诺', recorded: '已记录承诺', status: '状态',
    open: '待履约', kept: '已履约', broken: '已违约', cancelled: '已取消',
  },
  plan: {
    title: '还款方案', kind: '方案类型', installment: '分期', deferral: '延期', settlement: '减免结清', periods: '期数',
    deferralDays: '延期天数', firstDue: '首期日期', waive: '减免项目', preview: '试算', submit: '提交方案',
    withinAuthority: '在您的权限内，提交后立即生效', beyondAuthority: '超出您的权限，将提交主管审批：{items}',
    owed: '欠款', waived: '减免', toPay: '应还', number: '期次', due: '到期日', amount: '金额',
    inForce: '方案已生效', status_active: '生效中', status_pending_approval: '待审批', status_rejected: '已驳回', status_replaced: '已替换', status_broken: '已违约', status_completed: '已完成', sentForApproval: '已提交审批',
  },
  reports: {
    period: '期间', by: '分组', run: '查询', csv: '导出 CSV', xlsx: '导出 Excel', total: '合计',
    drillHint: '点击一行查看其背后的案件', noDrill: '按人、按月统计的工作量；案件明细请在评分卡或回收率报表中查看',
    casesBehind: '背后的案件', caseCount: '共 {n} 件', case: '案件', detail: '说明',
    dim: {
      bucket: '账龄', product: '产品', region: '地区', team: '团队', collector: '催收员', agency: '委外机构', strategy: '策略',
      approver: '批准人', component: '减免项目', cohort: '入催月份', month: '月份', to_state: '迁往', segment: '客群',
    },
  },
  dashboard: {
    balance: '逾期余额', cases: '在催案件', collected: '期间回款', contactRate: '接通率', rpcRate: '本人联系率', keptRate: '承诺兑现率',
  },
};
