//! A driver for counting instructions with callgrind, which a loaded machine does not
//! disturb the way it does wall-clock benchmarks. Classifies the benchmark corpus
//! (see `benches/support/corpus.rs`) once to warm up, then `PASSES` more times inside
//! `measure_livecue`, each pass later in the show than the one before (or the same
//! through `rustrict::is_inappropriate` inside `measure_rustrict`):
//!
//! ```text
//! cargo build --release --example classify_profile
//! valgrind --tool=callgrind --toggle-collect=classify_profile::measure_livecue \
//!     target/release/examples/classify_profile livecue 2
//! ```
//!
//! Instructions per comment = the collected total / (PASSES × 20,000); the driver prints
//! the number of comments it measured.

use std::hint::black_box;

use livecue::comments::{Comment, Filter};
use livecue::plan::FilterSettings;
use rustrict::CensorStr;

#[path = "../benches/support/corpus.rs"]
mod corpus;

#[inline(never)]
fn measure_livecue(filter: &mut Filter, comments: &[Comment]) -> usize {
    let mut hidden = 0;
    for comment in comments {
        hidden += usize::from(!black_box(filter.classify(black_box(comment))).shown);
    }
    hidden
}

#[inline(never)]
fn measure_rustrict(comments: &[Comment], passes: usize) -> usize {
    let mut hits = 0;
    for _ in 0..passes {
        for comment in comments {
            hits += usize::from(black_box(comment.text.as_str()).is_inappropriate());
        }
    }
    hits
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "livecue".to_owned());
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(1);
    let mut comments = corpus::corpus();
    let flagged = match which.as_str() {
        "livecue" => {
            let Ok(mut filter) =
                Filter::with_hidden_words(&FilterSettings::default(), corpus::hidden_words())
            else {
                eprintln!("the filter should build");
                std::process::exit(1);
            };
            for comment in &comments {
                black_box(filter.classify(comment));
            }
            let mut hidden = 0;
            for _ in 0..passes {
                corpus::next_pass(&mut comments);
                hidden += measure_livecue(&mut filter, &comments);
            }
            hidden
        }
        "rustrict" => {
            for comment in &comments {
                black_box(comment.text.as_str().is_inappropriate());
            }
            measure_rustrict(&comments, passes)
        }
        _ => {
            eprintln!("usage: classify_profile livecue|rustrict [PASSES]");
            std::process::exit(2);
        }
    };
    println!(
        "{which}: {} comments measured, {flagged} flagged",
        comments.len() * passes
    );
}
