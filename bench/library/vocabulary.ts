/**
 * Word lists for the generated news corpus. Place names are real so queries look like an editor's
 * (贵州, Guizhou); every sentence built from them is made up by the templates in corpus.ts.
 */
export const PROVINCES = [
  '贵州', '云南', '四川', '广西', '湖南', '湖北', '江西', '安徽', '浙江', '福建', '广东', '海南', '河南', '河北', '山东', '山西', '陕西',
  '甘肃', '青海', '宁夏', '新疆', '西藏', '内蒙古', '黑龙江', '吉林', '辽宁', '江苏', '重庆', '天津', '上海', '北京',
];
export const CITIES = [
  '贵阳', '遵义', '六盘水', '毕节', '昆明', '大理', '成都', '绵阳', '南宁', '柳州', '长沙', '岳阳', '武汉', '宜昌', '南昌', '赣州', '合肥',
  '芜湖', '杭州', '宁波', '温州', '福州', '厦门', '泉州', '广州', '深圳', '佛山', '海口', '三亚', '郑州', '洛阳', '石家庄', '保定', '济南',
  '青岛', '烟台', '太原', '大同', '西安', '宝鸡', '兰州', '天水', '西宁', '银川', '乌鲁木齐', '喀什', '拉萨', '呼和浩特', '哈尔滨', '长春',
  '沈阳', '大连', '南京', '苏州', '无锡', '徐州', '州桥镇', '贵溪',
];
export const TOPICS = [
  '乡村振兴', '数字经济', '防汛抗旱', '营商环境', '高标准农田建设', '新能源汽车', '跨境电商', '养老服务', '义务教育', '医保改革', '文旅融合',
  '生态保护', '城市更新', '物流网络', '低空经济', '人工智能', '茶叶产业', '冷链物流', '粮食安全', '老旧小区改造', '就业帮扶', '社区治理',
  '河湖治理', '林下经济', '公共文化服务', '职业教育', '药品集采', '光伏发电', '数据中心', '快递进村',
];
export const ORGS = [
  '市政府', '县委', '农业农村局', '发展改革委', '交通运输局', '生态环境局', '教育局', '卫生健康委', '医保局', '文旅局', '商务局', '统计局',
  '气象台', '应急管理局', '住建局', '供销合作社', '行业协会', '研究院', '人民医院', '物流园区管委会',
];
export const ROLES = ['负责人', '副局长', '党支部书记', '村民', '合作社理事长', '企业负责人', '研究员', '教师', '医生', '快递员', '茶农', '志愿者'];
export const SITES = ['茶园', '工地', '港口', '田间', '车间', '社区', '码头', '展馆', '仓库', '集市', '学校', '医院', '河道', '村口', '产业园'];
export const SCENES = [
  '工人正在检修设备', '村民在晾晒新茶', '志愿者为老人测量血压', '无人机在田间喷洒农药', '货车排队等待装卸', '学生在实验室做实验',
  '游客在古镇拍照留念', '抢险队员加固堤坝', '快递员分拣包裹', '技术人员调试5G基站', '农机手驾驶收割机作业', '居民在新建的口袋公园散步',
];
export const METRICS = ['地区生产总值', '社会消费品零售总额', '粮食产量', '快递业务量', '新增就业人数', '外贸进出口额', '游客接待量', '茶叶产量', '降雨量'];
export const CLAUSES = [
  '取得了阶段性成效', '仍面临资金和人才短缺的问题', '带动周边群众增收', '成为当地经济增长的新引擎', '还需要更长时间检验成效',
  '吸引了不少年轻人返乡创业', '被写进了今年的政府工作报告', '让群众办事少跑腿', '补齐了基础设施短板', '受到企业和居民的普遍欢迎',
];
export const VERBS = ['推动', '加快', '完善', '探索', '深化', '落实', '扩大', '优化', '支持', '部署'];
export const QUOTES = [
  '以前靠天吃饭，现在靠数据管园', '这条路修通以后，货能直接拉到城里', '我们最担心的是人手不够', '群众满意是最重要的标准',
  '下一步要把经验推广到更多乡镇', '价格稳了，大家心里就踏实了', '孩子们终于有了自己的图书室', '雨一停我们就开始排查隐患',
];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
export const GIVEN = ['晓岚', '明远', '建国', '海燕', '志强', '丽华', '文博', '雪梅', '子涵', '思远', '国平', '秀英', '立新', '欣怡', '浩然', '春生', '玉兰', '俊杰', '晓', '静', '磊', '敏', '涛', '芳'];
export const AGENCIES = ['本报记者', '新华社记者', '本报通讯员', '特约摄影'];

export const EN_PLACES = ['Guizhou', 'Yunnan', 'Lisbon', 'Nairobi', 'Rotterdam', 'Manchester', 'Osaka', 'Valparaiso', 'Port Ellery', 'the Mekong delta', 'Chengdu', 'Shenzhen'];
export const EN_TOPICS = [
  'supply chain', 'interest rates', 'rural broadband', 'flood defences', 'tariffs', 'electric buses', 'tea exports', 'housing costs', 'clean energy',
  'school meals', 'river pollution', 'cold-chain logistics', 'pension reform', 'drone deliveries', 'heatwave', 'port automation',
];
export const EN_SUBJECTS = ['The city council', 'Local officials', 'A ministry spokesperson', 'Analysts at the bank', 'Farmers in the valley', 'The port authority', 'Economists', 'The company', 'Union leaders', 'Residents'];
export const EN_VERBS = ['said', 'expects', 'announced', 'warned', 'estimated', 'confirmed', 'reported', 'argued'];
export const EN_OBJECTS = [
  'that exports rose for the third straight quarter', 'a plan to extend broadband to remote villages', 'that logistics costs fell by nearly a fifth',
  'the programme would reach twelve more counties', 'that investment in corporate bonds had doubled', 'the pilot zone attracted more than 300 firms',
  'that demand for skilled workers still outpaces supply', 'a review of subsidies for small tea growers', 'that flooding had cut the main rail line',
  'the rate of new hires slowed in the spring', 'that the new bus routes would open in October',
];
export const EN_FIRST = ['Maria', 'James', 'Aisha', 'Tom', 'Priya', 'Lucas', 'Chen', 'Sofia', 'Daniel', 'Amara', 'Oliver', 'Mei'];
export const EN_LAST = ['Santos', 'Okafor', 'Smith', 'Kowalski', 'Haddad', 'Ferreira', 'Lindqvist', 'Tanaka', 'Brennan', 'Moreau'];

export const ZH_OPINIONS = ['同意，可发。', '事实清楚，数据已核对，同意送审。', '标题再斟酌，其余同意。', '同意。注意图片说明中的时间。', '结构清晰，同意签发。'];
export const ZH_RETURNS = ['导语太长，请压缩后再送。', '第三段数据来源不明，请补充。', '请补充相关部门的回应。', '人名与上期报道不一致，请核实。'];
export const EN_OPINIONS = ['Approved; strong lede.', 'Fine to run, figures checked against the ministry release.', 'Approved with a lighter headline.'];
export const EN_RETURNS = ['Please confirm the spelling of the mayor’s name.', 'The second quote needs attribution.', 'Numbers in paragraph four do not add up.'];
export const ZH_NOTES = ['请核实这个数据的出处', '这里的职务需要确认', '建议补充企业方面的回应', '时间表述前后不一致', '此处引语请再核对录音'];
export const EN_NOTES = ['Check this figure against the annual report', 'Is this the official title?', 'Source for this claim?', 'Consider cutting this paragraph'];
