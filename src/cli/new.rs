//! `livecue new --template NAME [--lang zh-TW|en] OUT.ron` and `livecue new --list`:
//! a plan to start from, for producers who prefer a text editor.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::plan::templates::{self, Lang, TEMPLATES};

/// What `livecue new` was given.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// List the templates, one per line, the name first
    #[arg(long, conflicts_with_all = ["template", "out"])]
    pub list: bool,
    /// The template to start from (see --list)
    #[arg(long, value_name = "NAME", required_unless_present = "list")]
    pub template: Option<String>,
    /// The template's language: zh-TW or en
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub lang: Lang,
    /// Replace OUT.ron when it exists
    #[arg(long)]
    pub force: bool,
    /// The plan file to write
    #[arg(value_name = "OUT.ron", required_unless_present = "list")]
    pub out: Option<PathBuf>,
}

/// Lists the templates or writes one.
pub fn run(args: NewArgs) -> anyhow::Result<ExitCode> {
    if args.list {
        let mut out = std::io::stdout().lock();
        for t in &TEMPLATES {
            writeln!(out, "{}\t{}", t.name, t.about)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(name), Some(out)) = (args.template, args.out) else {
        anyhow::bail!("give --template NAME and the file to write (or --list)");
    };
    let template = templates::find(&name).with_context(|| {
        let names: Vec<_> = TEMPLATES.iter().map(|t| t.name).collect();
        format!("no template `{name}`; templates: {}", names.join(", "))
    })?;
    if out.exists() && !args.force {
        // Nothing a producer wrote is ever overwritten by accident.
        anyhow::bail!(
            "{} already exists; pick another name or pass --force to replace it",
            out.display()
        );
    }
    let text = written_text(template, args.lang)?;
    write_new(&out, &text)?;
    eprintln!(
        "livecue: wrote {} from the {} template ({}); check it with `livecue check {}`",
        out.display(),
        template.name,
        args.lang.tag(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The template as the editor would save it (one pretty RON layout for both), under
/// the template's own opening comment, which says what to replace.
fn written_text(template: &templates::Template, lang: Lang) -> anyhow::Result<String> {
    let plan = template.plan(lang)?;
    let body = crate::plan::to_ron(&plan)?;
    let comment: String = template
        .text(lang)
        .lines()
        .take_while(|l| l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect();
    Ok(format!("{comment}{body}\n"))
}

fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("could not write {}", path.display()))
}
