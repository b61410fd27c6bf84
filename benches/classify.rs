//! Comments per second through `Filter::classify` with 5,000 hidden words, and the same
//! corpus through `rustrict::is_inappropriate` for comparison. One thread.
//!
//! `cargo bench --bench classify` (add `-- --warm-up-time 1 --measurement-time 3` for a
//! quick run). Criterion prints the throughput as `thrpt: [... elem/s]`; one element is
//! one comment. Each benchmark runs twice: `classify_wall` measures wall-clock time,
//! `classify_cpu` the CPU time of the benchmark thread, which other work on a busy
//! machine does not inflate. Each pass through livecue's filter carries on the same
//! show, later by the corpus's length (`next_pass`), as the comments of a live would.

use std::hint::black_box;

use cpu_time::ThreadTime;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use livecue::comments::Filter;
use livecue::plan::FilterSettings;
use rustrict::CensorStr;

#[path = "support/corpus.rs"]
mod corpus;

use corpus::{corpus, hidden_words};

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
    bench(c, "classify_wall", &WallTime);
}

/// On a shared machine the load changes between criterion's two measurements, so
/// also time the two side by side, alternating, on the thread's CPU clock, and print
/// the median of each and of their ratio.
fn interleaved_ratio() {
    let mut comments = corpus();
    let words = hidden_words();
    let Ok(mut filter) = Filter::with_hidden_words(&FilterSettings::default(), &words) else {
        panic!("the filter should build");
    };
    let rounds = 15;
    let (mut ours, mut theirs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        corpus::next_pass(&mut comments);
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
    bench(c, "classify_cpu", &ThreadCpu);
}

/// `measure` is the measurement `c` was made with: livecue's passes are timed with it
/// one by one, the timestamps moved on between them.
fn bench<M: Measurement>(c: &mut Criterion<M>, name: &str, measure: &M) {
    let mut comments = corpus();
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
        b.iter_custom(|passes| {
            let mut total = measure.zero();
            for _ in 0..passes {
                corpus::next_pass(&mut comments);
                let start = measure.start();
                let mut hidden = 0usize;
                for comment in &comments {
                    hidden += usize::from(!black_box(filter.classify(black_box(comment))).shown);
                }
                black_box(hidden);
                total = measure.add(&total, &measure.end(start));
            }
            total
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
