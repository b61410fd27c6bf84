//! A made-up [`Probe`] for unit tests: fixed variables, canned command answers, files
//! and bus reply; it remembers which commands were run.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{BusReply, CommandOutcome, Probe};

pub(super) struct FakeProbe {
    vars: HashMap<String, String>,
    commands: HashMap<String, CommandOutcome>,
    files: HashMap<PathBuf, Result<Vec<u8>, io::ErrorKind>>,
    bus: BusReply,
    pub(super) ran: RefCell<Vec<String>>,
}

impl FakeProbe {
    /// No variables, no programs, no files, no bus.
    pub(super) fn new() -> Self {
        Self {
            vars: HashMap::new(),
            commands: HashMap::new(),
            files: HashMap::new(),
            bus: BusReply::NoBus(
                "DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR are not set".to_owned(),
            ),
            ran: RefCell::new(Vec::new()),
        }
    }

    pub(super) fn var(mut self, name: &str, value: &str) -> Self {
        self.vars.insert(name.to_owned(), value.to_owned());
        self
    }

    /// `command` (program and arguments, space-separated) answers `outcome`.
    pub(super) fn command(mut self, command: &str, outcome: CommandOutcome) -> Self {
        self.commands.insert(command.to_owned(), outcome);
        self
    }

    /// `command` exits 0 printing `stdout`.
    pub(super) fn prints(self, command: &str, stdout: &str) -> Self {
        self.command(command, exited(true, stdout, ""))
    }

    pub(super) fn file(mut self, path: &str, contents: Result<&[u8], io::ErrorKind>) -> Self {
        self.files
            .insert(PathBuf::from(path), contents.map(<[u8]>::to_vec));
        self
    }

    pub(super) fn bus(mut self, reply: BusReply) -> Self {
        self.bus = reply;
        self
    }
}

pub(super) fn exited(success: bool, stdout: &str, stderr: &str) -> CommandOutcome {
    CommandOutcome::Exited {
        success,
        stdout: stdout.to_owned(),
        stderr: stderr.to_owned(),
    }
}

impl Probe for FakeProbe {
    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }

    fn run(&self, program: &str, args: &[&str], _timeout: Duration) -> CommandOutcome {
        let command = std::iter::once(program)
            .chain(args.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        self.ran.borrow_mut().push(command.clone());
        self.commands
            .get(&command)
            .cloned()
            .unwrap_or(CommandOutcome::NotFound)
    }

    fn read_file(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.files.get(path) {
            Some(Ok(bytes)) => Ok(bytes.clone()),
            Some(Err(kind)) => Err(io::Error::from(*kind)),
            None => Err(io::Error::from(io::ErrorKind::NotFound)),
        }
    }

    fn notification_service(&self, _timeout: Duration) -> BusReply {
        self.bus.clone()
    }
}
