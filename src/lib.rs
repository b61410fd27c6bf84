//! livecue: a calm second screen for a live-stream host.
//!
//! The core (plan, show, session, comments, questions) knows nothing of the UI; see
//! ARCHITECTURE.md for how the pieces fit.

pub mod api;
pub mod audio;
pub mod cli;
pub mod comments;
pub mod locale;
pub mod plan;
pub mod preflight;
pub mod questions;
pub mod report;
pub mod runner;
pub mod session;
pub mod show;
pub mod source_spec;
pub mod sources;
pub mod ui;

/// The bundled example plan, shown when livecue is started without one.
pub const EXAMPLE_PLAN: &str = include_str!("../plans/skincare-launch.zh-TW.ron");

/// The name the bundled example plan goes by in messages.
pub const EXAMPLE_PLAN_NAME: &str = "plans/skincare-launch.zh-TW.ron (bundled)";

/// The bundled CJK font (WenQuanYi Micro Hei, Apache-2.0): the app's fallback for
/// Chinese and the report chart's lettering, included once.
pub const BUNDLED_CJK_FONT: &[u8] = include_bytes!("../assets/fonts/wqy-microhei.ttc");

/// The bundled Traditional Chinese face (a subset of Noto Sans CJK TC, OFL-1.1): ahead
/// of WenQuanYi in the app, so Chinese takes Taiwan's glyph forms on any machine.
pub const BUNDLED_TC_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSansTC-livecue-subset.otf");

/// The bundled combining marks (a subset of Noto Sans, OFL-1.1), which no other bundled
/// font has: struck-through and zalgo comments would otherwise show boxes.
pub const BUNDLED_MARKS_FONT: &[u8] = include_bytes!("../assets/fonts/NotoSans-marks-subset.ttf");

/// The bundled demo comments, replayed when livecue is started without a plan.
pub const DEMO_COMMENTS: &str = include_str!("../assets/demo/comments.jsonl");
