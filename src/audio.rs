//! Cue chimes through rodio, on a thread of their own. Without an audio device livecue
//! stays silent and says so; it never fails because of sound.

use std::io::Cursor;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, PoisonError};

pub use crate::session::Chime;

const CUE_WAV: &[u8] = include_bytes!("../assets/sounds/cue.wav");
const SEGMENT_END_WAV: &[u8] = include_bytes!("../assets/sounds/segment-end.wav");

/// Whether sound can be played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AudioState {
    /// Opening the audio device.
    Starting,
    /// Chimes play.
    Ready,
    /// No audio device could be opened: the audio library's own words.
    NoDevice(String),
    /// No sound for another reason (turned off, a chime unreadable); empty when the app
    /// was started silent on purpose.
    Unavailable(String),
}

/// Plays chimes; counts every request, muted or not, so the UI and tests can see them.
pub struct Audio {
    tx: Option<Sender<Chime>>,
    state: Arc<Mutex<AudioState>>,
    muted: bool,
    requested: Vec<Chime>,
}

impl Audio {
    /// Opens the default audio device on a background thread.
    pub fn start() -> Self {
        let state = Arc::new(Mutex::new(AudioState::Starting));
        let (tx, rx) = mpsc::channel::<Chime>();
        let thread_state = Arc::clone(&state);
        let spawned = std::thread::Builder::new()
            .name("livecue-audio".into())
            .spawn(move || {
                let set = |s: AudioState| {
                    *thread_state.lock().unwrap_or_else(PoisonError::into_inner) = s;
                };
                let sink = match rodio::DeviceSinkBuilder::open_default_sink() {
                    Ok(sink) => sink,
                    Err(e) => {
                        set(AudioState::NoDevice(e.to_string()));
                        return;
                    }
                };
                set(AudioState::Ready);
                for chime in rx {
                    let bytes = match chime {
                        Chime::Cue => CUE_WAV,
                        Chime::SegmentEnd => SEGMENT_END_WAV,
                    };
                    match rodio::Decoder::try_from(Cursor::new(bytes)) {
                        Ok(source) => sink.mixer().add(source),
                        Err(e) => set(AudioState::Unavailable(format!("chime unreadable ({e})"))),
                    }
                }
            });
        match spawned {
            Ok(_) => Self {
                tx: Some(tx),
                state,
                muted: false,
                requested: Vec::new(),
            },
            Err(e) => Self::silent(&format!("audio thread failed to start ({e})")),
        }
    }

    /// No sound at all, for tests and headless use.
    pub fn silent(reason: &str) -> Self {
        Self {
            tx: None,
            state: Arc::new(Mutex::new(AudioState::Unavailable(reason.to_owned()))),
            muted: false,
            requested: Vec::new(),
        }
    }

    /// Plays a chime unless muted or unavailable; always counts the request.
    pub fn play(&mut self, chime: Chime) {
        self.requested.push(chime);
        if self.muted {
            return;
        }
        if let Some(tx) = &self.tx {
            // The thread ends only when no device was found; then silence is right.
            let _ = tx.send(chime);
        }
    }

    /// Every chime asked for so far, in order.
    pub fn requested(&self) -> &[Chime] {
        &self.requested
    }

    /// Mutes or unmutes.
    pub fn set_muted(&mut self, muted: bool) {
        self.muted = muted;
    }

    /// Whether chimes are muted.
    pub fn muted(&self) -> bool {
        self.muted
    }

    /// Whether sound can play.
    pub fn state(&self) -> AudioState {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_chimes_decode() {
        for bytes in [CUE_WAV, SEGMENT_END_WAV] {
            let decoder = rodio::Decoder::try_from(Cursor::new(bytes)).unwrap();
            assert!(rodio::Source::total_duration(&decoder).is_some_and(|d| d.as_secs_f32() > 1.0));
        }
    }

    #[test]
    fn silent_audio_counts_requests() {
        let mut audio = Audio::silent("test");
        audio.play(Chime::Cue);
        audio.set_muted(true);
        audio.play(Chime::SegmentEnd);
        assert_eq!(audio.requested(), &[Chime::Cue, Chime::SegmentEnd]);
        assert_eq!(audio.state(), AudioState::Unavailable("test".into()));
    }
}
