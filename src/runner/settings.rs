//! What the app remembers across runs that is not about a show: the interface
//! language and whether the local API serves. A small RON file beside the folder of shows, so `--data-dir` keeps it
//! with the shows it names.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::locale::Language;

/// The settings file's name in the data folder.
pub const SETTINGS_FILE: &str = "settings.ron";

/// The remembered settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language the user chose; none until they switch, so the OS
    /// locale decides until then.
    pub language: Option<Language>,
    /// Whether the app serves the local API on this computer at start (the producer
    /// window's switch); `--serve` on the command line wins over it.
    pub serve: bool,
    /// Whether it serves other devices on the network too (every address, not only
    /// this computer's loopback): an explicit choice, off until the producer ticks it.
    pub serve_lan: bool,
}

/// Why the settings file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SettingsFileError {
    /// Reading or writing the file.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not settings RON.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// RON's message with its line and column.
        message: String,
    },
}

impl Settings {
    /// The settings file for a data folder.
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join(SETTINGS_FILE)
    }

    /// Reads the settings; no file means defaults. A damaged file is an error the
    /// caller reports; it is left as it is until the user changes a setting.
    pub fn load(path: &Path) -> Result<Settings, SettingsFileError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(source) => {
                return Err(SettingsFileError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        ron_options()
            .from_str(&text)
            .map_err(|e| SettingsFileError::Parse {
                path: path.to_owned(),
                message: e.to_string(),
            })
    }

    /// Writes the settings (through a temporary file, so a crash never leaves half a
    /// file), creating the folder when needed.
    pub fn save(&self, path: &Path) -> Result<(), SettingsFileError> {
        let io = |source| SettingsFileError::Io {
            path: path.to_owned(),
            source,
        };
        let text = ron_options()
            .to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| SettingsFileError::Parse {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let tmp = path.with_extension("ron.tmp");
        std::fs::write(&tmp, text + "\n").map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }

    /// The language to open in: the one chosen before, else the OS's.
    pub fn language_or_os(&self) -> Language {
        self.language.unwrap_or_else(Language::from_os)
    }
}

/// `(language: ZhTw)`, as a person would write it, not `Some(ZhTw)`.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_language_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = Settings::path_in(&dir.path().join("data"));
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let chosen = Settings {
            language: Some(Language::ZhTw),
            serve: true,
            serve_lan: true,
        };
        chosen.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("language: ZhTw"), "{text}");
        assert!(text.contains("serve: true"), "{text}");
        assert_eq!(Settings::load(&path).unwrap(), chosen);
        assert_eq!(
            Settings::load(&path).unwrap().language_or_os(),
            Language::ZhTw
        );
    }

    #[test]
    fn a_file_from_before_the_serve_switch_reads_as_not_serving() {
        let dir = tempfile::tempdir().unwrap();
        let path = Settings::path_in(dir.path());
        std::fs::write(&path, "(language: En)").unwrap();
        let settings = Settings::load(&path).unwrap();
        assert_eq!(settings.language, Some(Language::En));
        assert!(!settings.serve && !settings.serve_lan);
    }

    #[test]
    fn a_damaged_file_is_an_error_naming_it_and_stays_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = Settings::path_in(dir.path());
        std::fs::write(&path, "(language: Klingon)").unwrap();
        let err = Settings::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("settings.ron") && err.contains("Klingon"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "(language: Klingon)"
        );
    }
}
