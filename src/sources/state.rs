//! Whether comments are flowing: the state a source reports on its channel, and the
//! session journals as `source_status`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Whether comments are flowing, as a source reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SourceState {
    /// Connecting for the first time.
    Connecting,
    /// Connected; comments arrive.
    Live,
    /// Connected, but the broadcast has not started.
    WaitingForBroadcast,
    /// The platform asked us to slow down; polling resumes by itself.
    RateLimited {
        /// When polling resumes.
        until: DateTime<Utc>,
    },
    /// A request failed; retrying.
    Reconnecting {
        /// Which retry this is, from 1.
        attempt: u32,
        /// What went wrong, for the status bar.
        reason: String,
    },
    /// The access token expired or was revoked; polling stopped.
    TokenExpired,
    /// A permission is missing; polling stopped.
    PermissionMissing {
        /// The permission to grant.
        permission: String,
    },
    /// The broadcast or the replay ended.
    Ended,
    /// The source failed for good.
    Failed {
        /// What went wrong.
        reason: String,
    },
}

impl std::fmt::Display for SourceState {
    /// How the state reads in a status line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceState::Connecting => f.write_str("connecting"),
            SourceState::Live => f.write_str("live"),
            SourceState::WaitingForBroadcast => f.write_str("waiting for the broadcast to start"),
            SourceState::RateLimited { until } => {
                write!(f, "rate-limited until {}", until.format("%H:%M:%S UTC"))
            }
            SourceState::Reconnecting { attempt, reason } => {
                write!(f, "reconnecting (attempt {attempt}): {reason}")
            }
            SourceState::TokenExpired => f.write_str("token expired — log in again"),
            SourceState::PermissionMissing { permission } => {
                write!(f, "missing permission {permission}")
            }
            SourceState::Ended => f.write_str("ended"),
            SourceState::Failed { reason } => write!(f, "failed: {reason}"),
        }
    }
}
