//! Reading and writing plan files (RON).

use std::path::Path;

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::{Diagnostic, Plan, Severity};

/// Why a plan could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// The plan file.
        file: String,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The file is not a valid plan; the diagnostic names line and column.
    #[error("{0}")]
    Syntax(Diagnostic),
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
    let src = std::fs::read_to_string(path).map_err(|source| PlanError::Io {
        file: file.clone(),
        source,
    })?;
    let plan = parse(&src, &file)?;
    Ok((plan, src))
}

/// Parses plan text; `file` is only used to name the source in errors.
pub fn parse(src: &str, file: &str) -> Result<Plan, PlanError> {
    options()
        .from_str(src)
        .map_err(|e| PlanError::Syntax(syntax_diagnostic(&e, file)))
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
    std::fs::write(path, text + "\n").map_err(|source| PlanError::Io {
        file: path.display().to_string(),
        source,
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

fn syntax_diagnostic(e: &SpannedError, file: &str) -> Diagnostic {
    Diagnostic {
        file: file.to_owned(),
        position: Some((e.span.start.line, e.span.start.col)),
        severity: Severity::Error,
        message: describe(&e.code),
    }
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

/// The known name closest to a misspelt one, when it is close enough to be a typo.
fn nearest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    known
        .iter()
        .map(|k| {
            (
                strsim::damerau_levenshtein(&found_lower, &k.to_lowercase()),
                *k,
            )
        })
        .filter(|(dist, k)| *dist <= (k.chars().count() / 3).max(2))
        .min_by_key(|(dist, _)| *dist)
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
            d.message.contains("unknown field `durration` in segment"),
            "{}",
            d.message
        );
        assert!(
            d.message.contains("did you mean `duration`?"),
            "{}",
            d.message
        );
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
            d.message.contains("invalid duration \"5 minutes\""),
            "{}",
            d.message
        );
    }

    #[test]
    fn unknown_variant_suggests() {
        let src = MINIMAL.replace("kind: Content", "kind: Contnet");
        let Err(PlanError::Syntax(d)) = parse(&src, "p.ron") else {
            panic!("should fail");
        };
        assert!(
            d.message.contains("did you mean `Content`?"),
            "{}",
            d.message
        );
    }

    #[test]
    fn round_trip_is_equal() {
        let plan = parse(MINIMAL, "p.ron").unwrap();
        let text = to_ron(&plan).unwrap();
        assert_eq!(parse(&text, "again.ron").unwrap(), plan);
    }
}
