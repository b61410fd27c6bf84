//! Comments per second through `Filter::classify` with 5,000 hidden words, and the same
//! corpus through `rustrict::is_inappropriate` for comparison. One thread.
//!
//! `cargo bench --bench classify` (add `-- --warm-up-time 1 --measurement-time 3` for a
//! quick run). Criterion prints the throughput as `thrpt: [... elem/s]`; one element is
//! one comment. Each benchmark runs twice: `classify_wall` measures wall-clock time,
//! `classify_cpu` the CPU time of the benchmark thread, which other work on a busy
//! machine does not inflate.

use std::hint::black_box;

use chrono::{DateTime, Duration, Utc};
use cpu_time::ThreadTime;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use livecue::comments::{Comment, Filter};
use livecue::plan::FilterSettings;
use rustrict::CensorStr;

const CORPUS: usize = 20_000;
const HIDDEN_WORDS: usize = 5_000;

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

fn corpus() -> Vec<Comment> {
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
                ts: start + Duration::milliseconds(i as i64 * 50),
                platform: None,
            }
        })
        .collect()
}

/// Hidden words the way a big account accumulates them: Latin, Cyrillic and Chinese,
/// single words and short phrases.
fn hidden_words() -> Vec<String> {
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

/// CPU time of the current thread.
struct ThreadCpu;

static WALL: WallTime = WallTime;

impl Measurement for ThreadCpu {
    type Intermediate = ThreadTime;
    type Value = std::time::Duration;

    fn start(&self) -> ThreadTime {
        ThreadTime::now()
    }

    fn end(&self, start: ThreadTime) -> std::time::Duration {
        start.elapsed()
    }

    fn add(&self, a: &std::time::Duration, b: &std::time::Duration) -> std::time::Duration {
        *a + *b
    }

    fn zero(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }

    fn to_f64(&self, value: &std::time::Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

fn bench_wall(c: &mut Criterion) {
    interleaved_ratio();
    bench(c, "classify_wall");
}

/// On a shared machine the load changes between criterion's two measurements, so
/// also time the two side by side, alternating, on the thread's CPU clock, and print
/// the median of each and of their ratio.
fn interleaved_ratio() {
    let comments = corpus();
    let words = hidden_words();
    let Ok(mut filter) = Filter::with_hidden_words(&FilterSettings::default(), &words) else {
        panic!("the filter should build");
    };
    let rounds = 15;
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let start = ThreadTime::now();
        for comment in &comments {
            black_box(filter.classify(black_box(comment)));
        }
        let a = comments.len() as f64 / start.elapsed().as_secs_f64();
        let start = ThreadTime::now();
        for comment in &comments {
            black_box(black_box(comment.text.as_str()).is_inappropriate());
        }
        let b = comments.len() as f64 / start.elapsed().as_secs_f64();
        ours.push(a);
        theirs.push(b);
        ratios.push(a / b);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    eprintln!(
        "interleaved, thread CPU time, {rounds} rounds of {} comments: livecue {:.0} comments/s, rustrict {:.0} comments/s, ratio {:.1}x",
        comments.len(),
        median(&mut ours),
        median(&mut theirs),
        median(&mut ratios)
    );
}

fn bench_cpu(c: &mut Criterion<ThreadCpu>) {
    bench(c, "classify_cpu");
}

fn bench<M: Measurement>(c: &mut Criterion<M>, name: &str) {
    let comments = corpus();
    let words = hidden_words();
    let settings = FilterSettings::default();
    let Ok(mut filter) = Filter::with_hidden_words(&settings, &words) else {
        panic!("the filter should build");
    };
    eprintln!(
        "corpus: {} comments, {:.0} bytes on average; filter: {} words and phrases",
        comments.len(),
        comments.iter().map(|c| c.text.len()).sum::<usize>() as f64 / comments.len() as f64,
        filter.word_count()
    );
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(comments.len() as u64));
    group.sample_size(10);
    group.bench_function("livecue_filter_5000_hidden_words", |b| {
        b.iter(|| {
            let mut hidden = 0usize;
            for comment in &comments {
                hidden += usize::from(!black_box(filter.classify(black_box(comment))).shown);
            }
            hidden
        })
    });
    group.bench_function("rustrict_is_inappropriate", |b| {
        b.iter(|| {
            comments
                .iter()
                .filter(|c| black_box(c.text.as_str()).is_inappropriate())
                .count()
        })
    });
    group.finish();
}

criterion_group!(wall, bench_wall);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_cpu
}
criterion_main!(wall, cpu);
