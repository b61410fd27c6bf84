//! Instagram and Facebook Live comments over the Graph API, by polling.
//!
//! One loop serves both platforms:
//! 1. check the broadcast (Instagram: `/{ig-user-id}/live_media`; Facebook:
//!    `/{live-video-id}?fields=status`) until it is live — `WaitingForBroadcast`;
//! 2. every `comments_every` (≈2 s), fetch the comments edge newest first and follow
//!    `paging.next` until a page holds only comments already seen (the first poll, and
//!    the poll after an interrupted one, read every page). Comments are deduplicated
//!    by id, sorted by timestamp within a poll and sent; order is never assumed;
//! 3. every `live_check_every`, check the broadcast again; once it is over, `Ended`.
//!
//! Every response's `X-App-Usage` / `X-Business-Use-Case-Usage` stretches the next
//! interval as usage rises. Errors are classified by Graph error code (never by HTTP
//! status alone): throttling → `RateLimited` then resume; transient → `Reconnecting`
//! with jittered exponential back-off; 190/102 → `TokenExpired`, stop; 10, 200–299
//! (and 100 naming a permission) → `PermissionMissing`, stop.

mod client;
mod errors;
mod polling;
mod targets;
mod usage;

pub(crate) use client::Client;
pub(crate) use polling::run;
pub(crate) use targets::Target;
