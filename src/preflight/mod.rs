//! Pre-flight, just before going live: the network speed test, this computer's
//! do-not-disturb, the plan's checklist, and the go / no-go verdict over all three.
//! No egui here: the CLI (`livecue preflight`) and the pre-flight screen share it.
//!
//! Results and ticks are journaled as session events, so [`PreflightLog`] is a fold
//! of the journal like the rest of the session.

pub mod checklist;
pub mod dnd;
mod log;
pub mod speed;
mod token;
mod verdict;

pub use log::{DndCheck, PreflightLog, SpeedOutcome, WentLive};
pub use token::TokenCheck;
pub use verdict::{Assessment, Check, Mark, Row, assess, assess_with_token, min_upload_mbps};
