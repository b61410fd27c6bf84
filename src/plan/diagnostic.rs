//! Problems found in a plan, printed the way compilers print them.

use std::fmt;

use super::Problem;

/// How serious a problem is: errors make `livecue check` fail, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the plan still runs.
    Warning,
    /// The plan must be fixed.
    Error,
}

/// One problem in a plan file, with its position when known.
// Not `Eq`: a problem may carry a number as the plan wrote it (`min_upload_mbps`).
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The plan file, as the user named it.
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, as data: [`Diagnostic::message`] says it in English, the editor
    /// in the interface language.
    pub problem: Problem,
    /// Where in the plan the problem is, as a path such as `cues[2].what` (empty for a
    /// syntax error): the editor shows the message next to that field.
    pub path: String,
}

impl Diagnostic {
    /// What is wrong, and how to fix it when that is known, in English: the words of
    /// `livecue check`.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }

    /// True for an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether the problem is in `prefix` or inside it: `cues[2]` holds `cues[2].what`
    /// but `cues[1]` does not hold `cues[12]`.
    pub fn is_under(&self, prefix: &str) -> bool {
        self.path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
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
            Some((line, col)) => write!(f, "{}:{line}:{col}: {level}: {}", self.file, self.problem),
            None => write!(f, "{}: {level}: {}", self.file, self.problem),
        }
    }
}
