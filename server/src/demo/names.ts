/** A deterministic pseudo-random source so the demo tenant is the same on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤'.split('');
const given = '志明建国晓燕丽华海涛春梅国强秀英文杰静怡振宇雪梅俊峰淑芬伟东玉兰子轩思远嘉欣浩然雅琴永刚丹红立新敏慧宏伟桂芳学军晓东颖超德华凤英建平艳玲天佑瑞琪博文佳怡家豪梦瑶'.match(/../g)!;
const single = '军华敏静伟芳勇磊洋艳杰娟涛明超霞平刚桂英斌'.split('');

export function personName(next: () => number): string {
  const s = surnames[Math.floor(next() * surnames.length)];
  return next() < 0.7 ? s + given[Math.floor(next() * given.length)] : s + single[Math.floor(next() * single.length)];
}

export const titles = ['教授', '副教授', '讲师', '助教', '高级工程师', '工程师', '研究员', '副研究员', '高级实验师', '实验师', '馆员', '会计师'];
