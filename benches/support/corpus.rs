//! The benchmark corpus and hidden words, shared by `benches/classify.rs` and
//! `examples/classify_profile.rs` (the callgrind driver), so both measure the same
//! comments.

use chrono::{DateTime, Duration, Utc};
use livecue::comments::Comment;

/// How many comments the corpus has.
pub const CORPUS: usize = 20_000;
/// Milliseconds between two comments of the corpus.
const EVERY_MS: i64 = 50;
/// How many hidden words the filter gets.
pub const HIDDEN_WORDS: usize = 5_000;

/// A small deterministic generator, so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// What viewers of a multilingual shopping live write.
const LINES: &[&str] = &[
    "請問這款精華液適合敏感肌嗎？我的皮膚很容易泛紅",
    "主持人今天好漂亮！已經下單兩瓶了，期待收到",
    "可不可以寄到香港？運費大概多少呢",
    "这个价格太划算了吧，上次买的还没用完又想囤货",
    "有没有试用装？想先试试看再决定要不要买",
    "哈哈哈 主播好可爱 每次直播都准时来看",
    "How long does shipping to Canada usually take? Ordered last week",
    "Love this serum, my skin has never looked better honestly",
    "can I use it together with retinol or should I alternate nights",
    "Greetings from Melbourne! First time catching the live, hi everyone",
    "what a beautiful packaging, the gold cap looks so elegant",
    "Is there a discount code for first-time buyers today?",
    "Сколько стоит доставка в Казахстан и сколько дней идёт посылка?",
    "Спасибо за эфир, очень полезно! Заказала крем и сыворотку",
    "А есть ли пробники? Хочу попробовать перед покупкой",
    "Kiitos ihanasta livestä, tilasin juuri seerumin ja voiteen",
    "Toimitetaanko Suomeen ja kauanko toimitus kestää yleensä?",
    "Onko tämä sopiva herkälle iholle, minulla on atooppinen iho",
    "送料はいくらですか？日本まで届くのに何日かかりますか",
    "とても綺麗な色ですね、今日注文しました！ありがとうございます",
    "한국에도 배송되나요? 배송비는 얼마예요",
    "언니 오늘도 너무 예뻐요 ❤️ 항상 응원해요",
    "😍😍😍 so pretty!!! 🔥🔥",
    "好想要 💕 但是這個月已經買太多了 😂😂",
];

const TAILS: &[&str] = &[
    "",
    " 🙏",
    " ❤️",
    " 😍",
    " !!",
    " haha",
    " 哈哈",
    " lol",
    " 👍👍",
    " спасибо",
    " kiitos",
    " #skincare",
    " @host",
    " 2026",
    " 50% off?",
];

pub fn corpus() -> Vec<Comment> {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let start: DateTime<Utc> = "2026-11-21T12:00:00Z".parse().unwrap_or_default();
    (0..CORPUS)
        .map(|i| {
            let mut text = String::from(rng.pick(LINES));
            text.push_str(rng.pick(TAILS));
            while text.len() < 50 {
                text.push_str(rng.pick(TAILS));
                text.push(' ');
            }
            if text.len() > 150 {
                let mut cut = 150;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
            Comment {
                id: format!("c{i}"),
                user: format!("viewer{}", rng.next() % 3_000),
                text,
                ts: start + Duration::milliseconds(i as i64 * EVERY_MS),
                platform: None,
            }
        })
        .collect()
}

/// Hidden words the way a big account accumulates them: Latin, Cyrillic and Chinese,
/// single words and short phrases.
pub fn hidden_words() -> Vec<String> {
    const LATIN: &[&str] = &[
        "ka", "ro", "mi", "zu", "te", "lo", "va", "ni", "sko", "pra", "bel", "tor",
    ];
    const CYRILLIC: &[&str] = &["ка", "ро", "ми", "зу", "те", "ло", "ва", "ни", "ско", "пра"];
    const HAN: &[&str] = &[
        "假", "貨", "騙", "爛", "垃", "圾", "黑", "心", "店", "詐", "劣", "品",
    ];
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::with_capacity(HIDDEN_WORDS);
    while words.len() < HIDDEN_WORDS {
        let (parts, n) = match rng.next() % 3 {
            0 => (LATIN, 2 + rng.next() % 3),
            1 => (CYRILLIC, 2 + rng.next() % 3),
            _ => (HAN, 2 + rng.next() % 2),
        };
        let mut w = String::new();
        for _ in 0..n {
            w.push_str(rng.pick(parts));
        }
        if rng.next().is_multiple_of(10) {
            w.push(' ');
            w.push_str(rng.pick(parts));
            w.push_str(rng.pick(parts));
        }
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    words
}

/// Moves the corpus on to the next stretch of the same show: every timestamp later by
/// the corpus's length. Classifying it again then continues the timeline, as a live
/// does, instead of going back to its start, where each user's comments from the end
/// of the last pass would be recent and the next ones could look like repeats.
#[allow(dead_code)] // Not every user of this module classifies more than once.
pub fn next_pass(comments: &mut [Comment]) {
    let length = Duration::milliseconds(comments.len() as i64 * EVERY_MS);
    for comment in comments {
        comment.ts += length;
    }
}
