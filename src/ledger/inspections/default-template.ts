import type { TemplateItem } from './templates';

/**
 * The default monthly self-inspection (DOMAIN §7), every item, grouped A-F. `evidence`
 * names what the ledger pre-fills for the item (evidence.ts). Points are 0 by default: the
 * unit gives points in its own copy for the scored yearly 自查自评.
 */
const items: [TemplateItem['group'], string, TemplateItem['evidence']?][] = [
  ['A', '所有涉密载体均已清点，编号、密级、份号、份数与台账一致'],
  ['A', '无下落不明的载体；下落不明的已按时报告并跟踪（R-30）', 'lost_items'],
  ['A', '逾期未还的借阅、传阅已列明并催还（R-23、R-24）', 'overdue_loans'],
  ['A', '保密期限将在 90 天内届满的载体已送审（R-03）', 'term_review'],
  ['A', '密级标志齐全，绝密、机密载体标有份号'],
  ['A', '载体存放于保密柜，绝密载体单独存放'],
  ['A', '待销毁载体与销毁清单一致'],
  ['A', '本月离岗人员的载体已全部清退（R-28）', 'leavers_holding'],
  ['B', '收文、发文均已编号、登记、签收'],
  ['B', '复制、摘录、汇编均经批准、编号、登记（R-25）'],
  ['B', '借阅均经批准并按期归还'],
  ['B', '携带外出均经批准并已核验带回'],
  ['B', '销毁均经批准，两名监销人在场并签字（R-29）'],
  ['B', '未通过普通邮寄传递涉密载体；绝密载体由两人传递'],
  ['C', '计算机台账与实物一致（硬盘序列号、放置地点），标识完好'],
  ['C', '未连接任何网络，监控软件运行正常且无告警'],
  ['C', '无线、摄像头、音频设备已拆除或禁用'],
  ['C', '口令符合 R-10 且按期更换', 'passwords_overdue'],
  ['C', '使用登记完整（R-32）', 'computers_without_usage'],
  ['C', '防护软件完好，更新仅通过单向导入'],
  ['C', '维修均有人监修并登记（R-33）'],
  ['C', '无设备与非涉密计算机混用'],
  ['C', '检查表已由检查人、使用人、部门负责人签字'],
  ['D', '介质台账与实物一致，标识显示密级', 'media_not_sighted'],
  ['D', '无交叉使用（R-36）', 'cross_use'],
  ['D', '介质未在低密级计算机上使用'],
  ['D', '介质借用、外带均经批准并已归还'],
  ['D', '报废介质已销毁，未格式化后改作他用（R-34）'],
  ['D', '刻录光盘经批准、标密并锁存'],
  ['D', '本系统备份介质已登记、锁存，最近一次备份回读校验成功', 'backup'],
  ['E', '保密柜锁具完好'],
  ['E', '涉密复印机有专人管理'],
  ['E', '节假日前文件已封存，要害部位已巡查'],
  ['F', '人员变动已登记，脱密期已确定（R-12）'],
  ['F', '本月保密事件已报告'],
  ['F', '上月发现的问题已整改并记录', 'open_findings'],
];

export const DEFAULT_TEMPLATE_NAME = '月度保密检查表（默认）';

export const DEFAULT_TEMPLATE_ITEMS: TemplateItem[] = items.map(([group, text, evidence], i) => ({
  id: `${group}${String(i + 1).padStart(2, '0')}`,
  group,
  text,
  points: 0,
  ...(evidence ? { evidence } : {}),
}));

export const GROUP_LABELS = {
  A: 'A. 涉密载体与台账',
  B: 'B. 本月办理程序',
  C: 'C. 涉密计算机',
  D: 'D. 移动存储介质',
  E: 'E. 场所与设备',
  F: 'F. 人员与整改',
} as const;
