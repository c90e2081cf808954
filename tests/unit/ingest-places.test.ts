import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CITY_IDS } from '../../content/lib/channels';
import { checkPlaceData, PLACE_DATA } from '../../src/ingest/places/data';
import {
  MAX_SCANNED_CHARS,
  cityFromTags,
  cityFromText,
  cityOfPlaceName,
} from '../../src/ingest/places/index';
import { NOT_PLACES, SUFFIX_ONLY } from '../../src/ingest/places/rules';

/**
 * County-level divisions per city as of 2024 (民政部 list): 136 in all, 58 市辖区, 26 县级市,
 * 52 县. Written out here independently of the JSON so an edit to one is checked by the other.
 */
const COUNTS: Record<string, number> = {
  jinan: 12,
  qingdao: 10,
  zibo: 8,
  zaozhuang: 6,
  dongying: 5,
  yantai: 11,
  weifang: 12,
  jining: 11,
  taian: 6,
  weihai: 4,
  rizhao: 4,
  linyi: 12,
  dezhou: 11,
  liaocheng: 8,
  binzhou: 7,
  heze: 9,
};

/** Names two cities share; never matched alone. */
const SHARED = new Set(['市中区']);

const divisions = PLACE_DATA.cities.flatMap((c) => c.divisions.map((d) => ({ ...d, city: c.id })));

describe('shandong-divisions.json', () => {
  it('has the 16 city channels, in directory order, with their names', () => {
    expect(PLACE_DATA.cities.map((c) => c.id)).toEqual(CITY_IDS);
    for (const city of PLACE_DATA.cities) {
      expect(CHANNELS.find((c) => c.id === city.id)?.title).toBe(city.name);
    }
  });

  it('has the official number of county-level divisions per city and kind', () => {
    const counts = Object.fromEntries(PLACE_DATA.cities.map((c) => [c.id, c.divisions.length]));
    expect(counts).toEqual(COUNTS);
    expect(divisions).toHaveLength(136);
    const byKind = (kind: string): number => divisions.filter((d) => d.kind === kind).length;
    expect([byKind('district'), byKind('city'), byKind('county')]).toEqual([58, 26, 52]);
  });

  it('has unique names except the known shared ones', () => {
    const seen = new Map<string, number>();
    for (const d of divisions) seen.set(d.name, (seen.get(d.name) ?? 0) + 1);
    const repeated = [...seen].filter(([, n]) => n > 1).map(([name]) => name);
    expect(new Set(repeated)).toEqual(SHARED);
  });

  it('says where it comes from and includes the recent mergers', () => {
    expect(PLACE_DATA.source).toMatch(/民政部/);
    expect(PLACE_DATA.asOf).toBe('2024');
    const names = (id: string): string[] =>
      PLACE_DATA.cities.find((c) => c.id === id)?.divisions.map((d) => d.name) ?? [];
    expect(names('jinan')).toEqual(expect.arrayContaining(['莱芜区', '钢城区', '济阳区']));
    expect(names('yantai')).toContain('蓬莱区');
    expect(names('yantai')).not.toContain('长岛县');
    expect(names('liaocheng')).toContain('茌平区');
  });

  it('rejects malformed data', () => {
    expect(() => checkPlaceData(null)).toThrow();
    const bad = {
      ...PLACE_DATA,
      cities: [{ id: 'jinan', name: '济南', divisions: [{ name: '章丘', kind: 'district' }] }],
    };
    expect(() => checkPlaceData(bad)).toThrow(/must end in 区/);
  });
});

describe('rules', () => {
  const shortForms = new Set(divisions.map((d) => d.name.slice(0, -1)));

  it('lists only real short forms as suffix-only', () => {
    for (const short of SUFFIX_ONLY.keys()) expect(shortForms, short).toContain(short);
  });

  it('never shields a place name', () => {
    const names = new Set([
      ...divisions.map((d) => d.name),
      ...PLACE_DATA.cities.flatMap((c) => [c.name, `${c.name}市`]),
    ]);
    for (const { words } of NOT_PLACES) for (const w of words) expect(names).not.toContain(w);
  });
});

describe('cityOfPlaceName', () => {
  it.each(PLACE_DATA.cities.map((c) => [c.name, c.id]))('%s and its 市 form → %s', (name, id) => {
    expect(cityOfPlaceName(name)).toBe(id);
    expect(cityOfPlaceName(`${name}市`)).toBe(id);
  });

  it.each(divisions.filter((d) => !SHARED.has(d.name)).map((d) => [d.name, d.city]))(
    '%s → %s',
    (name, id) => {
      expect(cityOfPlaceName(name)).toBe(id);
    },
  );

  it('gives short forms unless they are traps even as a whole name', () => {
    for (const d of divisions) {
      const short = d.name.slice(0, -1);
      if (short.length < 2 || SHARED.has(d.name)) continue;
      const rule = SUFFIX_ONLY.get(short);
      const expected = !rule || rule.asWholeName ? d.city : undefined;
      expect(cityOfPlaceName(short), short).toBe(expected);
    }
    expect(cityOfPlaceName('章丘')).toBe('jinan');
    expect(cityOfPlaceName('惠民')).toBe('binzhou');
    expect(cityOfPlaceName('平原')).toBeUndefined();
    expect(cityOfPlaceName('泰山')).toBeUndefined();
  });

  it('knows aliases and former names', () => {
    expect(cityOfPlaceName('泉城')).toBe('jinan');
    expect(cityOfPlaceName('岛城')).toBe('qingdao');
    expect(cityOfPlaceName('鸢都')).toBe('weifang');
    expect(cityOfPlaceName('江北水城')).toBe('liaocheng');
    expect(cityOfPlaceName('水城')).toBeUndefined();
    expect(cityOfPlaceName('港城')).toBeUndefined();
    expect(cityOfPlaceName('莱芜市')).toBe('jinan');
    expect(cityOfPlaceName('长岛县')).toBe('yantai');
    expect(cityOfPlaceName('长岛')).toBeUndefined();
  });

  it('reads names in a row, with or without 山东', () => {
    expect(cityOfPlaceName('山东省济南市章丘区')).toBe('jinan');
    expect(cityOfPlaceName('山东潍坊')).toBe('weifang');
    expect(cityOfPlaceName('威海文登')).toBe('weihai');
    expect(cityOfPlaceName('枣庄市中区')).toBe('zaozhuang');
    expect(cityOfPlaceName('济南市市中区')).toBe('jinan');
    expect(cityOfPlaceName(' 山东 · 青岛 ')).toBe('qingdao');
  });

  it('is undefined for unknown, shared and conflicting names', () => {
    for (const name of ['', '山东', '体育', '市中区', '市中', '济南青岛', '南京', '淮安', '海口']) {
      expect(cityOfPlaceName(name), name).toBeUndefined();
    }
  });
});

describe('cityFromTags', () => {
  it('takes the first tag naming one city', () => {
    expect(cityFromTags(['体育', '泉城', '青岛'])).toBe('jinan');
    expect(cityFromTags(['市中区', '枣庄'])).toBe('zaozhuang');
    expect(cityFromTags(['平原', '德州市'])).toBe('dezhou');
    expect(cityFromTags(['滨州'])).toBe('binzhou');
    expect(cityFromTags(['时政', '民生'])).toBeUndefined();
    expect(cityFromTags([])).toBeUndefined();
  });
});

describe('cityFromText', () => {
  it.each(PLACE_DATA.cities.map((c) => [c.name, c.id]))('names %s → %s', (name, id) => {
    expect(cityFromText(`记者在${name}采访`)).toBe(id);
    expect(cityFromText(`${name}市召开会议`)).toBe(id);
  });

  it.each(divisions.filter((d) => !SHARED.has(d.name)).map((d) => [d.name, d.city]))(
    'full name %s in text → %s',
    (name, id) => {
      expect(cityFromText(`近日，${name}举行活动`)).toBe(id);
    },
  );

  it('matches safe short forms in text and never suffix-only ones', () => {
    for (const d of divisions) {
      const short = d.name.slice(0, -1);
      if (short.length < 2 || SHARED.has(d.name)) continue;
      const expected = SUFFIX_ONLY.has(short) ? undefined : d.city;
      expect(cityFromText(`记者走进${short}乡村`), short).toBe(expected);
    }
  });

  it('handles the examples of the issue', () => {
    expect(cityFromText('山东潍坊：50岁也能“发光”的旗袍手艺人')).toBe('weifang');
    expect(cityFromText('山东惠民：蓝莓成乡村振兴“致富果”')).toBe('binzhou');
    expect(cityFromText('滕州')).toBe('zaozhuang');
    expect(cityFromText('文登')).toBe('weihai');
    expect(cityFromText('新泰')).toBe('taian');
    expect(cityFromText('章丘')).toBe('jinan');
  });

  it('reads the headlines of the seed capture', () => {
    const capture = readFileSync(
      new URL('../../content/capture/000_271a4622fc35748e.txt', import.meta.url),
      'utf8',
    );
    const lines = capture.split('\n');
    const headlines = lines.slice(lines.indexOf('热点新闻') + 1).map((l) => l.trim());
    const expected: Record<string, string | undefined> = {
      滚动: undefined,
      '山东潍坊:50岁也能“发光”的旗袍手艺人': 'weifang',
      德州市193家智慧接种门诊惠及百姓: 'dezhou',
      '山东惠民:蓝莓成乡村振兴“致富果”': 'binzhou',
      '山东泰安:黄精产业富农家': 'taian',
      '垂深8937米“德州造”钻具显神通': 'dezhou',
      '济南西晋之前位于章丘!还有个济南国': 'jinan',
      '山东威海文登:春色满大棚': 'weihai',
      '山东惠民:绳网企业满负荷运转“抢外单”': 'binzhou',
      '德州:全方位“链接”省会经济圈': 'dezhou',
      '德州:突破堵点难点 打造更舒心市场环境': 'dezhou',
      '德州:蔬菜高价卖 农户信心足': 'dezhou',
      '青岛:“以产带人,以人筑城”,打造青年活力城区': 'qingdao',
      '+更多': undefined,
      流连泉城夜景乐享假日时光: 'jinan',
      '山东滕州:农村闲散边角地、宅基地变“宝地”': 'zaozhuang',
      '【于燕说电影】女性成长电影:苦难浇灌的墨西哥玫瑰弗里达': undefined,
      '山东新泰:专业合作社解锁强村富民“密码”': 'taian',
      '山东济南“五一”假期餐饮消费见闻': 'jinan',
      '首届“城轨高交会”在青岛举行': 'qingdao',
    };
    const seen = new Set<string>();
    for (const line of headlines.filter((l) => l !== '')) {
      expect(Object.keys(expected), line).toContain(line);
      expect(cityFromText(line), line).toBe(expected[line]);
      seen.add(line);
    }
    expect(seen.size).toBe(Object.keys(expected).length);
    // The article itself: a provincial headline, a lead naming the meeting's venue.
    expect(cityFromText('山东省数字强省建设工作推进会召开')).toBeUndefined();
    const lead = lines.find((l) => l.includes('5月5日下午')) ?? '';
    expect(cityFromText(lead)).toBe('jinan');
  });

  it('lets a leading 「X：」 place win over the rest', () => {
    expect(cityFromText('德州：青岛客商来访')).toBe('dezhou');
    expect(cityFromText('山东省济南市章丘区：青岛客商来访')).toBe('jinan');
    expect(cityFromText('  菏泽:牡丹花开')).toBe('heze');
    expect(cityFromText('山东·东明：黄河滩区迁建')).toBe('heze');
    // Not a place before the colon: the text is scanned as usual.
    expect(cityFromText('惠民政策：青岛出台新规')).toBe('qingdao');
    expect(cityFromText('市中区：会议召开')).toBeUndefined();
    expect(cityFromText('济南青岛：两地合作')).toBe('jinan');
  });

  it('takes the first city of a text naming several', () => {
    expect(cityFromText('济南、青岛两地联合发布')).toBe('jinan');
    expect(cityFromText('从青岛到济南')).toBe('qingdao');
    expect(cityFromText('济南市章丘区')).toBe('jinan');
    expect(cityFromText('东营区')).toBe('dongying');
  });

  it('does not fall into substring traps', () => {
    const traps = [
      '华北平原小麦丰收',
      '黄河口生态保护',
      '入海口湿地',
      '黄河口区域',
      '城市北部新区',
      '城市南区建设',
      '市中区',
      '山东营商环境持续优化',
      '广东营商环境',
      '股东营收增长',
      '惠民政策落地',
      '惠民便民',
      '全年日照时数2500小时',
      '日照充足，光照条件好',
      '节日照常营业',
      '夏日照片',
      '美国德州遭遇寒潮',
      '德州扑克比赛',
      '光荣成为一名党员',
      '钓鱼台国宾馆',
      '天津市河东区',
      '南京市栖霞区',
      '吉林市昌邑区',
      '海岛城市',
      '山东半岛城市群',
      '温泉城市',
      '高密度住宅',
      '提高青少年素质',
      '担任城管队长',
      '重于泰山',
      '逼上梁山',
      '梁山伯与祝英台',
      '兰陵王入阵曲',
      '金陵城墙',
      '龙口夺粮',
      '上海阳光明媚',
      '新店开张店铺',
      '水平度测量',
      '全城阳光',
      '变成武器',
      '牡丹花开',
      '区域经济南北差距',
      '国泰安数据库',
      '江苏淮安',
      '河南郑州',
      '海南海口',
      '南京',
      '印尼泗水',
      '京都岚山',
      '辽宁东港',
      '三十年河东',
      '消费县域经济',
      '入选名单县级',
      '合肥城区',
      '无聊城市生活',
      '聊聊城市更新',
      '简历下载',
      '经历城市化进程',
      '控烟台账',
      '红枣庄园',
      '挪威海鲜',
      '配齐河长',
      '福利津贴',
      '微博兴起',
      '洛阳信息港',
      '铜陵城区',
      '治所在东平陵城',
      '公文登记',
      '创新泰山品牌',
      '土地开垦利用',
      '科技宣传周村民参与',
      '校长清楚地知道',
      '全国客商河南行',
      '长龙口罩',
      '中东阿拉伯国家',
      '提高唐山',
      '稳定陶瓷价格',
      '新城阳光小区',
      '山东省数字强省建设工作推进会召开',
    ];
    for (const text of traps) expect(cityFromText(text), text).toBeUndefined();
  });

  it('still finds the city next to the traps', () => {
    expect(cityFromText('山东东营：湿地')).toBe('dongying');
    expect(cityFromText('山东东营商务局')).toBe('dongying');
    expect(cityFromText('列车途经济南')).toBe('jinan');
    expect(cityFromText('日照相关部门')).toBe('rizhao');
    expect(cityFromText('日照着力打造')).toBe('rizhao');
    expect(cityFromText('岛城市民')).toBe('qingdao');
    expect(cityFromText('枣庄市市中区')).toBe('zaozhuang');
    expect(cityFromText('济南市市中区')).toBe('jinan');
    expect(cityFromText('青岛啤酒节')).toBe('qingdao');
    expect(cityFromText('德州造钻具')).toBe('dezhou');
    expect(cityFromText('水泊梁山')).toBe('jining');
    expect(cityFromText('走进费县')).toBe('linyi');
    expect(cityFromText('在莒县')).toBe('rizhao');
    expect(cityFromText('在单县')).toBe('heze');
    expect(cityFromText('平原县')).toBe('dezhou');
    expect(cityFromText('惠民县域经济')).toBe('binzhou');
    expect(cityFromText('新泰安全生产')).toBe('taian');
    expect(cityFromText('聊城市')).toBe('liaocheng');
    expect(cityFromText('肥城市桃花节')).toBe('taian');
    expect(cityFromText('泉城市民')).toBe('jinan');
    expect(cityFromText('德州市陵城区')).toBe('dezhou');
    expect(cityFromText('在陵城区')).toBe('dezhou');
    expect(cityFromText('山东东阿阿胶')).toBe('liaocheng');
    expect(cityFromText('东营营销中心')).toBe('dongying');
  });

  it('scans a 1 MB text, up to its first MAX_SCANNED_CHARS characters', () => {
    const filler = '的'.repeat(1_000_000);
    expect(cityFromText(filler)).toBeUndefined();
    expect(cityFromText(`${filler}济南`)).toBeUndefined();
    expect(cityFromText(`${'的'.repeat(MAX_SCANNED_CHARS - 2)}济南${filler}`)).toBe('jinan');
    expect(cityFromText(`青岛${filler}`)).toBe('qingdao');
    expect(cityOfPlaceName(filler)).toBeUndefined();
    expect(cityFromTags([filler, '烟台'])).toBe('yantai');
  });
});
