/// 姓名 — surnames weighted roughly as in Henan, given-name characters by
/// gender, and a small share of rare characters (堃, 喆, 𬌗, 䶮 …) that test
/// fonts and encodings downstream.
enum SampleNames {
    static let surnames: [(String, Int)] = [
        ("王", 90), ("李", 85), ("张", 85), ("刘", 70), ("陈", 45), ("杨", 40), ("赵", 35), ("黄", 20),
        ("周", 22), ("吴", 18), ("徐", 18), ("孙", 20), ("胡", 15), ("朱", 18), ("高", 20), ("林", 8),
        ("何", 8), ("郭", 25), ("马", 22), ("罗", 6), ("梁", 10), ("宋", 15), ("郑", 12), ("谢", 6),
        ("韩", 12), ("唐", 6), ("冯", 10), ("于", 8), ("董", 10), ("萧", 3), ("程", 8), ("曹", 10),
        ("袁", 6), ("邓", 6), ("许", 10), ("傅", 4), ("沈", 4), ("曾", 3), ("彭", 5), ("吕", 8),
        ("苏", 6), ("卢", 5), ("蒋", 5), ("蔡", 5), ("贾", 8), ("丁", 6), ("魏", 8), ("薛", 6),
        ("叶", 4), ("阎", 5), ("余", 4), ("潘", 4), ("杜", 6), ("戴", 3), ("夏", 4), ("钟", 3),
        ("汪", 3), ("田", 8), ("任", 6), ("姜", 5), ("范", 6), ("方", 4), ("石", 5), ("姚", 5),
        ("谭", 3), ("廖", 2), ("邹", 2), ("熊", 3), ("金", 3), ("陆", 3), ("郝", 6), ("孔", 4),
        ("白", 5), ("崔", 6), ("康", 4), ("毛", 4), ("邱", 3), ("秦", 4), ("江", 3), ("史", 5),
        ("顾", 2), ("侯", 5), ("邵", 3), ("孟", 5), ("龙", 2), ("万", 3), ("段", 4), ("雷", 4),
        ("钱", 2), ("汤", 3), ("尹", 4), ("黎", 2), ("易", 2), ("常", 5), ("武", 5), ("乔", 4),
        ("贺", 3), ("赖", 1), ("龚", 2), ("文", 2), ("司马", 1), ("欧阳", 1), ("上官", 1),
    ]
    static let surnameCumulative = cumulativeWeights(surnames.map(\.1))

    static let female = Array("丽娟敏静艳芳霞红梅玲燕娜英华慧婷雪琳洁颖佳欣悦萍倩莉琴云凤珍晶琪璐瑶怡春秋月")
    static let male = Array("伟强军磊勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帅峰亮坤建国志新永海林松振东")
    static let shared = Array("文晓思雨子嘉一心佳宏明晨阳丹")
    /// Rare characters, some outside the BMP (𬌗 U+2C317) or in Extension A (䶮 U+4DAE).
    static let rare = Array("𬌗䶮堃喆玥昇犇淼珺旻翀赟昶龑祎")

    /// A full name: surname and one or two given characters. About one in
    /// a hundred names holds a rare character at random, and person 50 of
    /// every hundred gets the next one of `rare` in turn (so even a small
    /// sample has 𬌗 and 䶮).
    static func name(female isFemale: Bool, index: Int, random: inout SampleRandom) -> String {
        var s = surnames[random.pick(cumulative: surnameCumulative)].0
        let pool = isFemale ? female : male
        let givenCount = random.chance(perMille: 280) ? 1 : 2
        let forced = index % 100 == 50
        let rareAt = forced ? givenCount - 1 : (random.chance(perMille: 8) ? random.below(givenCount) : -1)
        for k in 0..<givenCount {
            if k == rareAt {
                s.append(forced ? rare[(index / 100) % rare.count] : rare[random.below(rare.count)])
            } else if random.chance(perMille: 150) {
                s.append(shared[random.below(shared.count)])
            } else {
                s.append(pool[random.below(pool.count)])
            }
        }
        return s
    }
}
