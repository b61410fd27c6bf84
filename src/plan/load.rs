//! Reading and writing plan files (RON).

use std::path::Path;

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::{Diagnostic, Plan, Problem, Severity};

/// Why a plan could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file could not be read or written. What the OS said is part of the message
    /// and deliberately not a `source`, so error chains do not say it twice.
    #[error("{file}: {error}")]
    Io {
        /// The plan file.
        file: String,
        /// What the OS said.
        error: std::io::Error,
    },
    /// The file is not a valid plan; the diagnostic names line and column. Boxed: a
    /// diagnostic carries its problem's facts, and errors are passed along by value.
    #[error("{0}")]
    Syntax(Box<Diagnostic>),
    /// The plan could not be written as RON.
    #[error("could not write the plan as RON: {0}")]
    Serialize(String),
}

fn options() -> ron::Options {
    // Optional fields may be written without `Some(..)`, as producers expect.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads and parses a plan file. Semantic checks are [`super::validate`]'s job.
pub fn load(path: &Path) -> Result<(Plan, String), PlanError> {
    let file = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|error| PlanError::Io {
        file: file.clone(),
        error,
    })?;
    let plan = parse(&src, &file)?;
    Ok((plan, src))
}

/// Parses plan text; `file` is only used to name the source in errors.
pub fn parse(src: &str, file: &str) -> Result<Plan, PlanError> {
    options()
        .from_str(src)
        .map_err(|e| PlanError::Syntax(Box::new(syntax_diagnostic(&e, src, file))))
}

/// The plan as pretty RON, which [`parse`] reads back to an equal plan.
pub fn to_ron(plan: &Plan) -> Result<String, PlanError> {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME)
        .indentor("    ".to_owned());
    ron::ser::to_string_pretty(plan, pretty).map_err(|e| PlanError::Serialize(e.to_string()))
}

/// Writes the plan as pretty RON.
pub fn save(plan: &Plan, path: &Path) -> Result<(), PlanError> {
    let text = to_ron(plan)?;
    std::fs::write(path, text + "\n").map_err(|error| PlanError::Io {
        file: path.display().to_string(),
        error,
    })
}

/// `sha256:<hex>` of the plan's canonical RON: the same plan hashes the same however
/// its file is laid out. Journals record it to tie a session to its plan.
pub fn hash(plan: &Plan) -> Result<String, PlanError> {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(to_ron(plan)?.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("sha256:{hex}"))
}

fn syntax_diagnostic(e: &SpannedError, src: &str, file: &str) -> Diagnostic {
    let at = (e.span.start.line, e.span.start.col);
    let position = match e.code {
        // RON notices a missing comma at the next value, often on the next line; the
        // comma belongs right after the value before it.
        RonError::ExpectedComma => after_previous_value(src, at).unwrap_or(at),
        _ => at,
    };
    Diagnostic {
        file: file.to_owned(),
        position: Some(position),
        severity: Severity::Error,
        problem: Problem::Syntax(describe(&e.code)),
        path: String::new(),
    }
}

/// The line and column just after the last character before `at` (1-based both) that
/// is not blank or inside a `//` comment.
fn after_previous_value(src: &str, at: (usize, usize)) -> Option<(usize, usize)> {
    let lines: Vec<&str> = src.lines().collect();
    let (line, col) = at;
    for n in (1..=line.min(lines.len())).rev() {
        let text = lines[n - 1];
        // On the error's own line only what comes before the error counts.
        let upto: String = if n == line {
            text.chars().take(col.saturating_sub(1)).collect()
        } else {
            text.to_owned()
        };
        let code = match upto.find("//") {
            Some(i) if !in_string(&upto[..i]) => &upto[..i],
            _ => upto.as_str(),
        };
        let trimmed = code.trim_end();
        if !trimmed.is_empty() {
            return Some((n, trimmed.chars().count() + 1));
        }
    }
    None
}

/// Whether the end of `prefix` is inside a string literal (an odd number of unescaped
/// quotes before it).
fn in_string(prefix: &str) -> bool {
    let mut inside = false;
    let mut escaped = false;
    for c in prefix.chars() {
        match c {
            '\\' if inside => escaped = !escaped,
            '"' if !escaped => inside = !inside,
            _ => escaped = false,
        }
    }
    inside
}

/// A producer-facing sentence for a RON error, with a suggestion for misspelt names.
fn describe(code: &RonError) -> String {
    match code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", human_type(o)))
                .unwrap_or_default();
            let mut msg = format!("unknown field `{found}`{place}");
            match nearest(found, expected) {
                Some(best) => msg.push_str(&format!("; did you mean `{best}`?")),
                None => msg.push_str(&format!("; known fields: {}", expected.join(", "))),
            }
            msg
        }
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" for {}", human_type(o)))
                .unwrap_or_default();
            let mut msg = format!("unknown value `{found}`{place}");
            match nearest(found, expected) {
                Some(best) => msg.push_str(&format!("; did you mean `{best}`?")),
                None => msg.push_str(&format!("; expected one of: {}", expected.join(", "))),
            }
            msg
        }
        RonError::MissingStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", human_type(o)))
                .unwrap_or_default();
            format!("missing field `{field}`{place}")
        }
        RonError::DuplicateStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", human_type(o)))
                .unwrap_or_default();
            format!("field `{field}` is given twice{place}")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// `PlannedQuestion` → `planned question`: type names as a producer would say them.
fn human_type(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The known name closest to a misspelt one, when it is close enough to be a typo:
/// Jaro-Winkler similarity, which forgives a misspelt ending (`durashun` → `duration`)
/// as much as a swapped pair of letters, and favours a shared beginning.
fn nearest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&found_lower, &k.to_lowercase()), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"(
        title: "Test",
        goal: (kind: Engagement),
        segments: [
            (title: "Hello", kind: WarmUp, duration: "5m"),
            (title: "Main", kind: Content, duration: "55m"),
        ],
    )"#;

    #[test]
    fn misspelt_field_suggests_the_known_one() {
        let src = MINIMAL.replace("duration: \"55m\"", "durration: \"55m\"");
        let Err(PlanError::Syntax(d)) = parse(&src, "p.ron") else {
            panic!("should fail");
        };
        assert_eq!(d.position.map(|p| p.0), Some(6));
        assert!(
            d.message().contains("unknown field `durration` in segment"),
            "{}",
            d.message()
        );
        assert!(
            d.message().contains("did you mean `duration`?"),
            "{}",
            d.message()
        );
    }

    #[test]
    fn a_misspelt_ending_still_suggests_and_nonsense_does_not() {
        let suggest = |field: &str| {
            let src = MINIMAL.replace("duration: \"5m\"", &format!("{field}: \"5m\""));
            match parse(&src, "p.ron") {
                Err(PlanError::Syntax(d)) => d.message(),
                other => panic!("should fail: {other:?}"),
            }
        };
        assert!(suggest("durashun").contains("did you mean `duration`?"));
        assert!(suggest("durtaion").contains("did you mean `duration`?"));
        assert!(suggest("tiltle").contains("did you mean `title`?"));
        let nonsense = suggest("xyz");
        assert!(!nonsense.contains("did you mean"), "{nonsense}");
        assert!(nonsense.contains("known fields:"), "{nonsense}");
    }

    #[test]
    fn a_missing_comma_is_placed_after_the_value_before_it() {
        let src =
            "(\n    title: \"T\",\n    goal: (kind: Engagement) // the aim\n\n    segments: [],\n)";
        let Err(PlanError::Syntax(d)) = parse(src, "p.ron") else {
            panic!("should fail");
        };
        assert_eq!(d.position, Some((3, 29)), "{d}");
        assert_eq!(d.message(), "expected comma");
        // A comment holding a quote, and a string holding `//`, do not confuse it.
        let src = "(\n    title: \"a // b\"\n    goal: (kind: Engagement),\n    segments: [],\n)";
        let Err(PlanError::Syntax(d)) = parse(src, "p.ron") else {
            panic!("should fail");
        };
        assert_eq!(d.position, Some((2, 20)), "{d}");
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let src = MINIMAL.replace("kind: Content,", "kind: Content");
        let Err(PlanError::Syntax(d)) = parse(&src, "p.ron") else {
            panic!("should fail");
        };
        assert_eq!(d.file, "p.ron");
        let (line, col) = d.position.expect("position");
        assert_eq!(line, 6);
        assert!(col > 40, "column {col}");
        assert!(d.to_string().starts_with("p.ron:6:"));
    }

    #[test]
    fn bad_duration_is_explained() {
        let src = MINIMAL.replace("\"5m\"", "\"5 minutes\"");
        let Err(PlanError::Syntax(d)) = parse(&src, "p.ron") else {
            panic!("should fail");
        };
        assert_eq!(d.position.map(|p| p.0), Some(5));
        assert!(
            d.message().contains("invalid duration \"5 minutes\""),
            "{}",
            d.message()
        );
    }

    #[test]
    fn unknown_variant_suggests() {
        let src = MINIMAL.replace("kind: Content", "kind: Contnet");
        let Err(PlanError::Syntax(d)) = parse(&src, "p.ron") else {
            panic!("should fail");
        };
        assert!(
            d.message().contains("did you mean `Content`?"),
            "{}",
            d.message()
        );
    }

    #[test]
    fn round_trip_is_equal() {
        let plan = parse(MINIMAL, "p.ron").unwrap();
        let text = to_ron(&plan).unwrap();
        assert_eq!(parse(&text, "again.ron").unwrap(), plan);
    }
}
