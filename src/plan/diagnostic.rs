//! Problems found in a plan, printed the way compilers print them.

use std::fmt;

/// How serious a problem is: errors make `livecue check` fail, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the plan still runs.
    Warning,
    /// The plan must be fixed.
    Error,
}

/// One problem in a plan file, with its position when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The plan file, as the user named it.
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, and how to fix it when that is known.
    pub message: String,
}

impl Diagnostic {
    /// True for an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `FILE:LINE:COL: error: message`, or `FILE: warning: message` without a position.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {level}: {}", self.file, self.message),
            None => write!(f, "{}: {level}: {}", self.file, self.message),
        }
    }
}
