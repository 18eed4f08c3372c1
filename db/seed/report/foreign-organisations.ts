import type { SeedForeignOrg } from "./types";

/**
 * The Chinese counterparts in the appendix of "Lokal frost i relationerna" (NKK/UI, 2022),
 * and the provinces/autonomous regions/prefecture-level cities the appendix names as their parents.
 *
 * Native names are as the appendix writes them (PDF spacing removed). Parent chains follow the
 * appendix, not an external gazetteer: Qufu and Dunhuang are given directly under their provinces
 * because the appendix names no prefecture for them.
 */

const cn = (
  key: string,
  nameLatin: string,
  nameNative: string,
  level: SeedForeignOrg["level"],
  parentKey?: string,
): SeedForeignOrg => ({
  key,
  nameLatin,
  nameNative,
  level,
  ...(parentKey ? { parentKey } : {}),
  countryCode: "CN",
});

export const foreignOrganisations: SeedForeignOrg[] = [
  // Provinces and autonomous regions (parents, and counterparts in their own right where the appendix says so)
  cn("cn-anhui", "Anhui", "安徽省", "province"),
  cn("cn-fujian", "Fujian", "福建省", "province"),
  cn("cn-gansu", "Gansu", "甘肃省", "province"),
  cn("cn-guangdong", "Guangdong", "广东省", "province"),
  cn("cn-guangxi", "Guangxi Zhuang Autonomous Region", "广西壮族自治区", "autonomous_region"),
  cn("cn-hainan", "Hainan", "海南省", "province"),
  cn("cn-hebei", "Hebei", "河北省", "province"),
  cn("cn-heilongjiang", "Heilongjiang", "黑龙江省", "province"),
  cn("cn-hubei", "Hubei", "湖北省", "province"),
  cn("cn-jiangsu", "Jiangsu", "江苏省", "province"),
  cn("cn-jilin", "Jilin", "吉林省", "province"),
  cn("cn-shaanxi", "Shaanxi", "陕西省", "province"),
  cn("cn-shandong", "Shandong", "山东省", "province"),
  cn("cn-sichuan", "Sichuan", "四川省", "province"),
  cn("cn-yunnan", "Yunnan", "云南省", "province"),
  cn("cn-zhejiang", "Zhejiang", "浙江省", "province"),

  // Direct-administered municipalities (直辖市) and special administrative region
  cn("cn-shanghai", "Shanghai", "上海市", "municipality"),
  cn("cn-tianjin", "Tianjin", "天津市", "municipality"),
  cn("cn-macau", "Macau", "澳门特别行政区", "special_administrative_region"),

  // Prefecture-level cities and autonomous prefectures, in the order they first appear in the appendix
  cn("cn-wuzhou", "Wuzhou", "梧州市", "prefecture_city", "cn-guangxi"),
  cn("cn-heze", "Heze", "菏泽市", "prefecture_city", "cn-shandong"),
  cn("cn-wuhan", "Wuhan", "武汉市", "prefecture_city", "cn-hubei"),
  cn("cn-yancheng", "Yancheng", "盐城市", "prefecture_city", "cn-jiangsu"),
  cn("cn-chengdu", "Chengdu", "成都市", "prefecture_city", "cn-sichuan"),
  cn("cn-linyi", "Linyi", "临沂市", "prefecture_city", "cn-shandong"),
  cn("cn-shijiazhuang", "Shijiazhuang", "石家庄市", "prefecture_city", "cn-hebei"),
  cn("cn-nanjing", "Nanjing", "南京市", "prefecture_city", "cn-jiangsu"),
  cn("cn-longyan", "Longyan", "龙岩市", "prefecture_city", "cn-fujian"),
  cn("cn-zhuhai", "Zhuhai", "珠海市", "prefecture_city", "cn-guangdong"),
  cn("cn-panzhihua", "Panzhihua", "攀枝花市", "prefecture_city", "cn-sichuan"),
  cn("cn-lanzhou", "Lanzhou", "兰州市", "prefecture_city", "cn-gansu"),
  // The appendix writes "湖州" in the Huzhou row and "湖州市" in the Changxing row; the full form is used.
  cn("cn-huzhou", "Huzhou", "湖州市", "prefecture_city", "cn-zhejiang"),
  cn("cn-chuxiong", "Chuxiong", "楚雄彝族自治州", "autonomous_prefecture", "cn-yunnan"),
  cn("cn-suzhou", "Suzhou", "苏州市", "prefecture_city", "cn-jiangsu"),
  cn("cn-guangzhou", "Guangzhou", "广州市", "prefecture_city", "cn-guangdong"),
  cn("cn-xian", "Xi'an", "西安市", "prefecture_city", "cn-shaanxi"),
  cn("cn-hangzhou", "Hangzhou", "杭州市", "prefecture_city", "cn-zhejiang"),
  cn("cn-tangshan", "Tangshan", "唐山市", "prefecture_city", "cn-hebei"),
  cn("cn-changchun", "Changchun", "长春市", "prefecture_city", "cn-jilin"),
  cn("cn-dongying", "Dongying", "东营市", "prefecture_city", "cn-shandong"),
  cn("cn-tongling", "Tongling", "铜陵市", "prefecture_city", "cn-anhui"),
  cn("cn-zhangjiakou", "Zhangjiakou", "张家口市", "prefecture_city", "cn-hebei"),
  cn("cn-chizhou", "Chizhou", "池州市", "prefecture_city", "cn-anhui"),
  cn("cn-yichang", "Yichang", "宜昌市", "prefecture_city", "cn-hubei"),
  cn("cn-ningde", "Ningde", "宁德市", "prefecture_city", "cn-fujian"),
  cn("cn-wuxi", "Wuxi", "无锡市", "prefecture_city", "cn-jiangsu"),
  cn("cn-huangshan", "Huangshan", "黄山市", "prefecture_city", "cn-anhui"),
  cn("cn-jinan", "Jinan", "济南市", "prefecture_city", "cn-shandong"),
  cn("cn-yantai", "Yantai", "烟台市", "prefecture_city", "cn-shandong"),
  cn("cn-shaoxing", "Shaoxing", "绍兴市", "prefecture_city", "cn-zhejiang"),

  // County-level cities and counties
  cn("cn-changxing", "Changxing", "长兴县", "county", "cn-huzhou"),
  cn("cn-qufu", "Qufu", "曲阜市", "county_city", "cn-shandong"),
  cn("cn-dunhuang", "Dunhuang", "敦煌市", "county_city", "cn-gansu"),
  cn("cn-zhuji", "Zhuji", "诸暨市", "county_city", "cn-shaoxing"),
];
