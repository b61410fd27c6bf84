//! Pre-flight, just before going live: the network speed test, this computer's
//! do-not-disturb, the plan's checklist, and the go / no-go verdict over all three.
//! No egui here: the CLI (`livecue preflight`) and the pre-flight screen share it.

pub mod dnd;
pub mod speed;
