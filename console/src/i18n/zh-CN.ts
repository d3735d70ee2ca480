/**
 * The console's words in Chinese (the default). en.ts has the same keys (its type is this one's); the labels of the
 * API's codes are typed by the generated schema, so a status, event or action the API adds fails the type check here
 * until it has a label.
 */
import type {
  ActionName,
  AttachmentStage,
  CaseOutcome,
  CaseStatus,
  Channel,
  ClockName,
  FigureName,
  PeriodKind,
  RepeatCard,
  DispatchKind,
  EventType,
  ReturnReason,
  Role,
  Satisfaction,
  TriageOutcome,
  UnitType,
  WarningLevel,
} from '../api/types';
import type { LiveState } from '../live';

export interface Dict {
  app: {
    title: string; short: string; signOut: string; language: string; findCase: string; findCasePlaceholder: string; temporal: string; expired: string;
    live: Record<LiveState, string>; liveHint: Record<LiveState, string>;
  };
  desks: { intake: string; dispatch: string; queue: string; callback: string; supervision: string; review: string; analysis: string; admin: string; case: string };
  common: {
    loading: string; more: string; none: string; yes: string; no: string; submit: string; cancel: string; open: string; close: string;
    caseNumber: string; title: string; category: string; channel: string; status: string; unit: string; place: string; received: string;
    created: string; waited: string; clock: string; dueAt: string; timeLeft: string; overdueBy: string; leftShort: string; overdue: string;
    masked: string; notGiven: string; refresh: string; noCases: string; round: string;
  };
  signIn: {
    title: string; intro: string; notAvailable: string; person: string; role: string; unit: string; signInAs: string; devOnly: string;
    titleOidc: string; oidc: string; oidcIntro: string; oidcUnreachable: string; finishing: string; failed: string; again: string;
  };
  intake: {
    title: string; description: string; categoryPlaceholder: string; channelTicketId: string; complainant: string; name: string; phone: string;
    anonymousHint: string; place: string; placePlaceholder: string; address: string; handling: string; dispatchNormally: string;
    triageHint: string; submit: string; likely: string; likelyNone: string; likelyHint: string; master: string; match: string;
    opened: string; openedAuto: string; openedWaiting: string; openedTriaged: string; newComplaint: string; openCase: string; required: string;
  };
  dispatch: { received: string; returned: string; hint: string; suggestion: string; suggestionNone: string; suggestionMany: string; rule: string };
  queue: { toSign: string; toContact: string; toReply: string; onHold: string; hint: string };
  callback: { due: string; hint: string };
  supervision: {
    hint: string; within: string; withinPlaceholder: string; levelAny: string; levels: Record<number, string>; overdue: string; red: string;
    yellow: string; repeats: string; allCards: string; cards: Record<RepeatCard, string>; card: string; count: string; master: string; updated: string;
  };
  review: { hint: string; queue: string; unsatisfied: string; outcome: string; rounds: string; closedAt: string; disputed: string };
  analysis: {
    hint: string; level: string; periodKind: string; period: string; periodPlaceholder: Record<PeriodKind, string>; kinds: Record<PeriodKind, string>;
    allUnits: string; download: string; rank: string; unranked: string; unrankedWhy: string; flagged: string; change: string; noPrevious: string;
    valid: string; figures: Record<FigureName, string>; numerator: string; denominator: string; lost: string; day: string; missedOnly: string;
    days: string; policy: string; peers: string; restricted: string; previous: string; notReported: string; chartUnits: string; chartTrend: string;
  };
  admin: Record<'hint' | 'rules' | 'policies' | 'assessmentPolicies' | 'calendars' | 'newRule' | 'editRule' | 'rule' | 'area' | 'areaHint' | 'anywhere' | 'target' | 'toUnit' | 'toUnitType' | 'placeOf' | 'active' | 'updated' | 'edit' | 'delete' | 'deleteConfirm' | 'saved' | 'preview' | 'autoDispatch' | 'waitsForDispatcher' | 'version' | 'inForce' | 'activate' | 'newVersion' | 'newVersionHint' | 'notJson' | 'notePlaceholder' | 'loadYear' | 'loadYearHint' | 'year' | 'holidays' | 'workdays' | 'source' | 'workingHours', string>;
  caseView: {
    summary: string; complainant: string; location: string; description: string; clocks: string; dispatches: string; timeline: string;
    related: string; actions: string; noActions: string; actor: string; copied: string; cooperating: string; escalation: string;
    maskedNote: string; reply: string; resolved: string; source: string; sourceRecord: string; notFound: string; temporalLink: string;
    clockResult: Record<'met' | 'breached' | 'cancelled' | 'running' | 'paused', string>; relation: Record<'master' | 'member' | 'match', string>;
    done: string; signalSent: string; failed: string; returnBy: string;
  };
  attachments: {
    title: string; upload: string; withReply: string; remove: string; removeConfirm: string; removed: string; uploaded: string; failed: string;
    open: string; byComplainant: string; hint: string; stage: Record<AttachmentStage, string>;
  };
  form: { fields: Record<string, string>; choose: string; addDate: string; invalidPath: string; fieldError: string };
  status: Record<CaseStatus, string>;
  outcome: Record<CaseOutcome, string>;
  channel: Record<Channel, string>;
  warning: Record<WarningLevel, string>;
  clock: Record<ClockName, string>;
  dispatchKind: Record<DispatchKind, string>;
  event: Record<EventType, string>;
  role: Record<Role, string>;
  action: Record<ActionName, string>;
  returnReason: Record<ReturnReason, string>;
  satisfaction: Record<Satisfaction, string>;
  triage: Record<TriageOutcome, string>;
  unitType: Record<UnitType, string>;
  /** Labels of the values of enumerated fields in action forms, by field name. */
  enums: Record<string, Record<string, string>>;
}

export const zhCN: Dict = {
  app: {
    title: '12345 接诉即办工作台',
    short: '接诉即办',
    signOut: '退出',
    language: 'English',
    findCase: '查工单',
    findCasePlaceholder: '工单编号 HL…',
    temporal: '在 Temporal 中查看流程',
    expired: '登录已过期，请重新登录。',
    live: { live: '实时', connecting: '连接中', offline: '离线' },
    liveHint: { live: '列表实时更新', connecting: '正在连接实时更新', offline: '实时更新未连接：列表每分钟刷新' },
  },
  desks: { intake: '受理', dispatch: '派单台', queue: '承办工作台', callback: '回访台', supervision: '督办台', review: '评价台', analysis: '分析台', admin: '管理台', case: '工单' },
  common: {
    loading: '加载中…',
    more: '加载更多',
    none: '无',
    yes: '是',
    no: '否',
    submit: '提交',
    cancel: '取消',
    open: '打开',
    close: '关闭',
    caseNumber: '工单编号',
    title: '标题',
    category: '诉求分类',
    channel: '来源渠道',
    status: '状态',
    unit: '承办单位',
    place: '发生地',
    received: '受理时间',
    created: '创建时间',
    waited: '已等待',
    clock: '时限',
    dueAt: '截止时间',
    timeLeft: '剩余',
    overdueBy: '已超期',
    leftShort: '剩',
    overdue: '超期',
    masked: '已脱敏',
    notGiven: '未提供',
    refresh: '刷新',
    noCases: '暂无工单',
    round: '轮次',
  },
  signIn: {
    title: '选择登录人员',
    intro: '开发环境内置登录：选择示范城市临江市的一位工作人员，以其身份和权限使用工作台。',
    notAvailable: '本环境未开放内置登录，请通过统一身份认证登录。',
    person: '人员',
    role: '角色',
    unit: '所在单位',
    signInAs: '登录',
    devOnly: '仅限开发环境（NODE_ENV=production 时关闭）',
    titleOidc: '登录工作台',
    oidc: '统一身份认证登录',
    oidcIntro: '使用本单位统一身份认证（OpenID Connect）账号登录。',
    oidcUnreachable: '暂时无法连接统一身份认证服务，请稍后再试。',
    finishing: '正在完成登录…',
    failed: '登录未完成',
    again: '重新登录',
  },
  intake: {
    title: '诉求标题',
    description: '诉求内容',
    categoryPlaceholder: '输入关键字搜索分类',
    channelTicketId: '渠道单号',
    complainant: '诉求人',
    name: '姓名',
    phone: '联系电话',
    anonymousHint: '匿名或无联系方式时可不填；无电话的诉求不联系、不回访。',
    place: '发生地（行政区划）',
    placePlaceholder: '选择区/街道/社区/网格',
    address: '详细地址',
    handling: '处理方式',
    dispatchNormally: '转派办理',
    triageHint: '直接答复、转紧急、转其他渠道或重复诉求：受理即办结，不派单。',
    submit: '受理',
    likely: '可能的重复诉求',
    likelyNone: '未发现同一诉求的在先工单',
    likelyHint: '同一分类、同一地点或同一诉求人，在并单时限内的工单',
    master: '主单',
    match: '同一诉求',
    opened: '已受理',
    openedAuto: '已按派单目录派至',
    openedWaiting: '等待派单员派单',
    openedTriaged: '已直接办结',
    newComplaint: '受理下一件',
    openCase: '查看工单',
    required: '必填',
  },
  dispatch: {
    received: '待派单',
    returned: '退回待重派',
    hint: '按受理时间先后排列，最早的在最上方。',
    suggestion: '派单目录建议',
    suggestionNone: '派单目录没有匹配的规则，请人工选择承办单位。',
    suggestionMany: '派单目录匹配到多个单位，请选择：',
    rule: '规则',
  },
  queue: { toSign: '待签收', toContact: '待联系', toReply: '待答复', onHold: '挂账中', hint: '本单位承办的工单，最早的在最上方。' },
  callback: { due: '待回访', hint: '已答复、等待回访的工单，最早的在最上方。' },
  supervision: {
    hint: '辖区内超期、红灯、黄灯工单（最早的在最上方），重复诉求亮牌，待评价和不满意工单。可按单位和督办级别筛选。',
    within: '单位',
    withinPlaceholder: '全部（本人权限范围）',
    levelAny: '全部督办级别',
    levels: { 1: '一级（单位负责人）', 2: '二级（区级）', 3: '三级（市级）' },
    overdue: '超期',
    red: '红灯',
    yellow: '黄灯',
    repeats: '重复诉求',
    allCards: '全部亮牌',
    cards: { yellow: '黄牌', orange: '橙牌', red: '红牌' },
    card: '亮牌',
    count: '诉求数',
    master: '主单',
    updated: '最近更新',
  },
  review: {
    hint: '不满意办结或单位申诉、尚未评价的工单，以及办理不满意专区。',
    queue: '待评价',
    unsatisfied: '不满意专区',
    outcome: '办结结果',
    rounds: '各轮回访',
    closedAt: '办结时间',
    disputed: '已申诉',
  },
  analysis: {
    hint: '按层级和周期的考核排名：每项指标悬停可见分子/分母，点击查看背后的工单；与上一周期相比的名次变化；未达最低有效回访量的单位不排名，末位单位标红。',
    level: '层级',
    periodKind: '周期',
    period: '期间',
    periodPlaceholder: { assessment_month: '2026-04', month: '2026-04', week: '2026-W14', day: '2026-04-03', year: '2026' },
    kinds: { assessment_month: '考核月', month: '自然月', week: '周', day: '日', year: '年' },
    allUnits: '全部',
    download: '下载',
    rank: '名次',
    unranked: '不排名',
    unrankedWhy: '有效回访少于 {n} 件，不参与排名',
    flagged: '末位',
    change: '较上期',
    noPrevious: '上期无数据',
    valid: '有效回访',
    figures: {
      compositeScore: '综合得分',
      responseRate: '响应率',
      resolutionRate: '解决率',
      satisfactionRate: '满意率',
      onTimeSignFor: '按时签收率',
      onTimeReply: '按时答复率',
      onTimeParts: '协办按时率',
      closureRate: '办结率',
      returnRate: '退单率',
      rehandleRate: '重办率',
      ratingSatisfaction: '网上评价满意率',
      averageHandlingHours: '平均办理时长(工作小时)',
    },
    numerator: '分子',
    denominator: '分母',
    lost: '失分',
    day: '计入日期',
    missedOnly: '只看失分工单',
    days: '{from} 至 {to}',
    policy: '考核方案',
    peers: '参与排名 {ranked} 个、不排名 {unranked} 个',
    restricted: '仅显示本单位及下级',
    previous: '上期',
    notReported: '暂未统计',
    chartUnits: '本期各单位指标',
    chartTrend: '近 {n} 期指标走势（本层级合计）',
  },
  admin: {
    hint: '按权限可管理的内容：派单目录、办理时限方案与考核方案的版本、工作日历。新版本保存后立即对新受理的工单生效，已受理的工单沿用原版本。',
    rules: '派单目录',
    policies: '办理时限方案',
    assessmentPolicies: '考核方案',
    calendars: '工作日历',
    newRule: '新增规则',
    editRule: '修改规则',
    rule: '规则',
    area: '适用区域',
    areaHint: '该单位及其下级区域；不选则全市适用',
    anywhere: '全市',
    target: '派往',
    toUnit: '指定单位',
    toUnitType: '属地单位（按发生地）',
    placeOf: '发生地所属',
    active: '启用',
    updated: '最近修改',
    edit: '修改',
    delete: '删除',
    deleteConfirm: '确定删除这条规则？',
    saved: '已保存',
    preview: '匹配预览',
    autoDispatch: '受理时自动派单',
    waitsForDispatcher: '等待派单员派单',
    version: '版本',
    inForce: '生效中',
    activate: '设为生效版本',
    newVersion: '保存为新版本',
    newVersionHint: '以下为当前所选版本的内容（JSON）。修改后提交，接口按方案格式校验，错误会指明字段。',
    notJson: '不是有效的 JSON',
    notePlaceholder: '版本说明（可选）',
    loadYear: '载入年度',
    loadYearHint: '按国务院办公厅当年节假日安排通知填写：放假日期（含周末）和调休上班日期，日期之间用空格或逗号分隔。',
    year: '年度',
    holidays: '放假日期',
    workdays: '调休上班',
    source: '依据',
    workingHours: '工作时间',
  },
  caseView: {
    summary: '工单信息',
    complainant: '诉求人',
    location: '地址',
    description: '诉求内容',
    clocks: '办理时限',
    dispatches: '派单记录',
    timeline: '办理过程',
    related: '关联工单（并单）',
    actions: '可办理操作',
    noActions: '当前没有您可办理的操作',
    actor: '办理人',
    copied: '抄送',
    cooperating: '协办单位',
    escalation: '督办级别',
    maskedNote: '诉求人信息已脱敏：您不是本工单的承办人员。',
    reply: '答复',
    resolved: '已解决',
    source: '数据来源',
    sourceRecord: '流程已结束，以下为存档记录',
    notFound: '工单不存在或不在您的权限范围内',
    temporalLink: '流程详情（Temporal）',
    clockResult: { met: '按时', breached: '超时', cancelled: '已取消', running: '计时中', paused: '已暂停' },
    relation: { master: '主单', member: '并入', match: '同一诉求' },
    done: '已办理',
    signalSent: '已发送',
    failed: '办理失败',
    returnBy: '可退单至',
  },
  attachments: {
    title: '照片和视频',
    upload: '上传照片或视频',
    withReply: '随答复提交',
    remove: '撤回',
    removeConfirm: '撤回后文件将被删除，记录保留。确定撤回？',
    removed: '已撤回',
    uploaded: '已上传',
    failed: '未能完成',
    open: '打开',
    byComplainant: '诉求人提供',
    hint: '照片中的位置信息（GPS 等）会在保存前去除。',
    stage: { intake: '受理时', complainant: '诉求人补充', handling: '办理中', reply: '随答复' },
  },
  form: {
    fields: {
      unitId: '承办单位',
      cooperating: '协办单位',
      note: '备注',
      reason: '理由',
      content: '答复内容',
      resolved: '是否解决',
      method: '联系方式',
      outcome: '结果',
      contacted: '单位是否联系过您',
      satisfaction: '满意度',
      level: '督办级别',
      days: '延期工作日',
      approve: '是否批准',
      reviewDates: '复核日期',
      grounds: '终止依据',
      demandReasonable: '诉求是否合理',
      handlingCompliant: '办理是否合规',
      service: '转接',
      referredTo: '转至渠道',
      linkedCaseId: '在先工单编号',
    },
    choose: '请选择',
    addDate: '添加日期',
    invalidPath: '该操作不在接口文档中',
    fieldError: '请检查此项',
  },
  status: {
    received: '待派单',
    dispatched: '待签收',
    accepted: '已签收',
    contacted: '已联系',
    replied: '已答复',
    returned: '已退回',
    on_hold: '挂账',
    closed: '已办结',
  },
  outcome: {
    resolved: '已解决',
    unsatisfied: '不满意',
    callback_invalid: '回访无效',
    terminated: '终止办理',
    no_contact: '无法联系',
    consultation: '咨询已答复',
    emergency_transfer: '转紧急服务',
    referred: '转其他渠道',
    repeat: '重复诉求',
    out_of_scope: '不属受理范围',
  },
  channel: {
    phone: '12345 热线电话',
    wechat: '微信',
    web: '网站',
    app: 'App',
    mailbox: '市长信箱',
    media: '媒体',
    opinion_monitoring: '舆情监测',
    whistle: '街道吹哨',
    open311: 'Open311',
    grid_worker: '网格员上报',
    letter: '来信',
  },
  warning: { none: '正常', yellow: '黄灯', red: '红灯' },
  clock: { signFor: '签收', contact: '联系', reply: '答复', callback: '回访' },
  dispatchKind: { dispatch: '派单', catalogue: '目录派单', designation: '指定派单', reassignment: '改派', rehandling: '重办' },
  event: {
    received: '受理',
    dispatched: '派单',
    accepted: '签收',
    returned: '退单',
    contacted: '联系诉求人',
    progress_noted: '办理进展',
    replied: '答复',
    callback_recorded: '回访',
    rehandling_started: '重办',
    closed: '办结',
    escalated: '督办',
    reassigned: '改派',
    urged: '催办',
    triaged: '直接办结',
    cooperation_accepted: '协办签收',
    cooperation_reported: '协办反馈',
    cooperation_overdue: '协办超期',
    overdue_step: '超期升级',
    extension_requested: '申请延期',
    extension_decided: '延期审批',
    held: '挂账',
    hold_review_due: '挂账复核',
    resumed: '恢复办理',
    callback_attempted: '回访未接通',
    disputed: '申诉',
    reviewed: '第三方评价',
    terminated: '终止办理',
    repeat_linked: '并单',
    repeat_card_raised: '重复诉求亮牌',
    rated: '网上评价',
    warning_raised: '预警',
    signal_ignored: '操作未生效',
    action_refused: '拒绝无凭据操作',
  },
  role: {
    intake_agent: '接线员',
    dispatcher: '派单员',
    unit_handler: '承办人',
    unit_leader: '单位负责人',
    supervisor: '督办',
    callback_agent: '回访员',
    reviewer: '第三方评价员',
    analyst: '数据分析员',
    admin: '系统管理员',
  },
  action: {
    dispatch: '派单',
    accept: '签收',
    return: '退单',
    contact: '联系诉求人',
    progress: '办理进展',
    reply: '答复',
    callback: '回访',
    escalate: '督办',
    reassign: '改派',
    urge: '催办',
    triage: '直接办结',
    cooperate: '协办签收',
    report: '协办反馈',
    request_extension: '申请延期',
    decide_extension: '审批延期',
    hold: '挂账',
    resume: '恢复办理',
    dispute: '申诉',
    review: '第三方评价',
    terminate: '终止办理',
  },
  returnReason: { not_our_duty: '非本单位职责', wrong_area: '非本辖区', duplicate: '重复工单', insufficient_information: '信息不全', other: '其他' },
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
  triage: { consultation: '咨询直接答复', emergency_transfer: '转 110/119/120/122', referred: '转其他法定渠道', repeat: '重复诉求（无新情况）', out_of_scope: '不属受理范围' },
  unitType: { city: '市', district: '区县', street: '街道乡镇', community: '社区村', grid: '网格', department: '部门' },
  enums: {
    method: { phone: '电话', on_site: '上门', sms: '短信', online: '网上' },
    outcome: { reached: '已接通', no_answer: '无人接听', refused: '拒绝回访', wrong_number: '号码错误' },
    grounds: { repeated_identical_demand: '重复同一诉求', outside_law_and_policy: '超出法律政策范围' },
    service: { '110': '110 报警', '119': '119 火警', '120': '120 急救', '122': '122 交通事故' },
  },
};
