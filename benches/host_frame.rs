//! One frame of the real host screen (the app's own `frame`: take in comments, tick,
//! lay out, tessellate), headless, with 100,000 filtered comments in the feed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use livecue::comments::Comment;
use livecue::runner::{ShowClock, ShowRunner, ShowSetup, plan_filter};
use livecue::session::{Action, JournalTarget};
use livecue::show::ManualClock;
use livecue::sources::no_notify;
use livecue::ui::{AppOptions, AudioChoice, FontDiscovery, LivecueApp};

const COMMENTS: usize = 100_000;

fn app_with_comments(ctx: &egui::Context, n: usize) -> (LivecueApp, ManualClock) {
    let plan = Arc::new(livecue::plan::parse(livecue::EXAMPLE_PLAN, "example").unwrap());
    let clock = ManualClock::new();
    let mut runner = ShowRunner::new_show(
        ShowSetup {
            classifier: plan_filter(plan.filter.clone(), Vec::new()),
            plan,
            clock: ShowClock::Manual {
                clock: clock.clone(),
                epoch: chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap(),
            },
            notify: no_notify(),
        },
        JournalTarget::Off,
    )
    .unwrap();
    // Started before the app opens, so it opens on the host screen.
    runner.perform(Action::StartShow);
    let mut app = LivecueApp::with_context(
        ctx,
        None,
        AppOptions {
            runner,
            plan_path: None,
            plan_dir: None,
            audio: AudioChoice::Silent,
            fonts: FontDiscovery::BundledOnly,
            source: None,
            speed_server: None,
            dnd: livecue::preflight::dnd::detect,
            language: livecue::locale::Language::En,
            settings: None,
            serve_addr: "127.0.0.1:0".parse().unwrap(),
            serve_at_start: false,
            serve_lan: false,
            link_store: std::sync::Arc::new(livecue::api::MemoryLinkStore::default()),
        },
    );
    // The demo comments, cycled with fresh ids: multilingual, realistic lengths.
    let demo: Vec<Comment> = livecue::DEMO_COMMENTS
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let live = app.live_mut();
    for i in 0..n {
        let mut c = demo[i % demo.len()].clone();
        c.id = format!("bench-{i}");
        live.receive(c);
        clock.advance_ms(30);
    }
    (app, clock)
}

fn frame(ctx: &egui::Context, app: &mut LivecueApp) -> usize {
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    let mut out = ctx.run_ui(raw, |ui| app.frame(ui));
    let primitives = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
    primitives.len()
}

fn host_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let (mut app, clock) = app_with_comments(&ctx, COMMENTS);
    assert_eq!(app.live().session().comments().len(), COMMENTS);
    // Warm the font atlas and layout caches as a running app would have them.
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    c.bench_function("host screen frame, 100k comments, 1920x1080", |b| {
        b.iter(|| {
            clock.advance_ms(1000);
            black_box(frame(&ctx, &mut app))
        });
    });
}

criterion_group!(benches, host_frame);
criterion_main!(benches);
