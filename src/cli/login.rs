//! `livecue login instagram|facebook`: store an access token in the OS keychain.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;

use crate::sources::{KEYCHAIN_SERVICE, Platform, Token, store_token};

/// Reads a token from standard input (hidden when it is a terminal) and stores it.
pub fn run(platform: Platform) -> anyhow::Result<ExitCode> {
    let text = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!(
            "Paste the {} access token (input hidden), then Enter: ",
            platform.title()
        ))
        .context("cannot read the token from the terminal")?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the token from standard input")?;
        line
    };
    let token = Token::new(&text).with_context(|| {
        format!(
            "no token given: paste the {} access token, or pipe it in",
            platform.title()
        )
    })?;
    store_token(platform, &token)?;
    eprintln!(
        "livecue: {} token stored in the OS keychain (service `{KEYCHAIN_SERVICE}`, account `{}`); \
         {} overrides it when set.",
        platform.title(),
        platform.as_str(),
        platform.env_var()
    );
    Ok(ExitCode::SUCCESS)
}
