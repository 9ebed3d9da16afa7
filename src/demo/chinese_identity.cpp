#include "demo/chinese_identity.hpp"

#include <array>

#include "core/resident_id.hpp"

namespace arrears::demo {

namespace {

constexpr Region kRegions[] = {
    {"110101", "北京市", "北京市", "东城区"},       {"310104", "上海市", "上海市", "徐汇区"},
    {"440106", "广东省", "广州市", "天河区"},       {"440305", "广东省", "深圳市", "南山区"},
    {"330106", "浙江省", "杭州市", "西湖区"},       {"320102", "江苏省", "南京市", "玄武区"},
    {"320508", "江苏省", "苏州市", "姑苏区"},       {"510107", "四川省", "成都市", "武侯区"},
    {"420106", "湖北省", "武汉市", "武昌区"},       {"370102", "山东省", "济南市", "历下区"},
    {"370202", "山东省", "青岛市", "市南区"},       {"410105", "河南省", "郑州市", "金水区"},
    {"610113", "陕西省", "西安市", "雁塔区"},       {"500103", "重庆市", "重庆市", "渝中区"},
    {"120101", "天津市", "天津市", "和平区"},       {"350203", "福建省", "厦门市", "思明区"},
    {"430104", "湖南省", "长沙市", "岳麓区"},       {"210102", "辽宁省", "沈阳市", "和平区"},
    {"340104", "安徽省", "合肥市", "蜀山区"},       {"130102", "河北省", "石家庄市", "长安区"},
    {"530102", "云南省", "昆明市", "五华区"},       {"450103", "广西壮族自治区", "南宁市", "青秀区"},
    {"360102", "江西省", "南昌市", "东湖区"},       {"520102", "贵州省", "贵阳市", "南明区"},
    {"230103", "黑龙江省", "哈尔滨市", "南岗区"},   {"220102", "吉林省", "长春市", "南关区"},
    {"140105", "山西省", "太原市", "小店区"},       {"620102", "甘肃省", "兰州市", "城关区"},
    {"150102", "内蒙古自治区", "呼和浩特市", "新城区"}, {"650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"},
    {"460106", "海南省", "海口市", "龙华区"},       {"640104", "宁夏回族自治区", "银川市", "兴庆区"},
    {"630102", "青海省", "西宁市", "城东区"},       {"540102", "西藏自治区", "拉萨市", "城关区"},
};
// Rough weights by population, so that Guangdong, Shandong and Henan appear
// more often than Tibet and Qinghai.
constexpr double kRegionWeights[] = {2.2, 2.5, 6.0, 6.6, 6.5, 4.3, 4.2, 8.4, 5.8, 5.0, 5.1, 9.9, 4.0, 3.2, 1.4,
                                     4.2, 6.6, 4.3, 6.1, 7.5, 4.7, 5.0, 4.5, 3.9, 3.2, 2.4, 3.5, 2.5, 2.4, 2.6,
                                     1.0, 0.7, 0.6, 0.4};

constexpr std::string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
    "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
    "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",
    "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白",
    "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺",
    "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马"};
constexpr std::string_view kMaleGiven[] = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平",
                                           "辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊",
                                           "帆", "帅", "旭", "宁", "龙", "林", "志", "国", "建", "文", "海", "峰"};
constexpr std::string_view kFemaleGiven[] = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "婷", "雪",
                                             "慧", "莹", "红", "琳", "颖", "倩", "洁", "佳", "欣", "悦", "萍", "燕",
                                             "梅", "晶", "丹", "璐", "雯", "楠", "蕾", "薇", "怡", "瑶", "琪", "晨"};
constexpr std::string_view kMobilePrefixes[] = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
                                                "139", "150", "151", "152", "153", "155", "156", "157", "158",
                                                "159", "166", "176", "177", "178", "180", "181", "182", "183",
                                                "184", "185", "186", "187", "188", "189", "198", "199"};
constexpr std::string_view kStreets[] = {"人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "长江路",
                                         "黄河路", "文化路", "光明路", "幸福路", "朝阳路", "胜利路", "青年路",
                                         "东风路", "学府路", "滨河路", "迎宾大道", "友谊路", "公园路"};

void AppendNumber(std::string& out, std::int64_t value) { out += std::to_string(value); }

}  // namespace

const Region& PickRegion(Random& random) { return kRegions[random.Weighted(kRegionWeights)]; }

std::string ChineseName(Random& random, bool male) {
  std::string name(random.Pick(kSurnames));
  const int given = random.Chance(0.7) ? 2 : 1;
  for (int i = 0; i < given; ++i) name += male ? random.Pick(kMaleGiven) : random.Pick(kFemaleGiven);
  return name;
}

std::string ResidentId(Random& random, const Region& region, Date birth, bool male) {
  std::string id(region.code);
  char date[16];
  std::snprintf(date, sizeof date, "%04d%02d%02d", birth.year(), birth.month(), birth.day());
  id += date;
  const std::int64_t order = random.Between(0, 49) * 2 + (male ? 1 : 0);  // 17th digit: odd men, even women
  char sequence[16];
  std::snprintf(sequence, sizeof sequence, "%02lld%lld", static_cast<long long>(random.Between(0, 99)),
                static_cast<long long>(order % 10));
  id += sequence;
  id.push_back(ResidentIdCheckCharacter(id));
  return id;
}

std::string MobileNumber(Random& random) {
  std::string number(random.Pick(kMobilePrefixes));
  char rest[9];
  std::snprintf(rest, sizeof rest, "%08llu", static_cast<unsigned long long>(random.Below(100'000'000)));
  number += rest;
  return number;
}

std::string StreetAddress(Random& random) {
  std::string address(random.Pick(kStreets));
  AppendNumber(address, random.Between(1, 999));
  address += "号";
  AppendNumber(address, random.Between(1, 30));
  address += "栋";
  AppendNumber(address, random.Between(1, 6));
  address += "单元";
  AppendNumber(address, random.Between(1, 33) * 100 + random.Between(1, 4));
  address += "室";
  return address;
}

}  // namespace arrears::demo
