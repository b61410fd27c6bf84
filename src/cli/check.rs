//! `livecue check PLAN...`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::plan::{self, PlanError, clock_text};

/// Checks every plan; prints diagnostics to stderr and a summary line per good plan to
/// stdout. Exit 1 when any plan has an error.
pub fn run(plans: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in plans {
        failed |= !check_one(path);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn check_one(path: &Path) -> bool {
    let (plan, src) = match plan::load(path) {
        Ok(loaded) => loaded,
        Err(PlanError::Syntax(d)) => {
            eprintln!("{d}");
            eprintln!("{}: 1 error(s), 0 warning(s)", d.file);
            return false;
        }
        Err(e) => {
            eprintln!("{e}");
            return false;
        }
    };
    let name = path.display().to_string();
    let found = plan::validate(&plan, &src, &name, path.parent());
    for d in &found {
        eprintln!("{d}");
    }
    let errors = found.iter().filter(|d| d.is_error()).count();
    let warnings = found.len() - errors;
    if errors > 0 {
        eprintln!("{name}: {errors} error(s), {warnings} warning(s)");
        return false;
    }
    println!(
        "{name}: ok — {} segments, {} planned (target {}–{}){}",
        plan.segments.len(),
        clock_text(plan.planned_total().ms()),
        clock_text(plan.target.min.ms()),
        clock_text(plan.target.max.ms()),
        if warnings > 0 {
            format!(", {warnings} warning(s)")
        } else {
            String::new()
        }
    );
    true
}
