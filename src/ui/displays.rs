//! The displays the host screen can go fullscreen on, as the windowing system lists them.
//!
//! egui has no list of monitors, but eframe hands `App::ui` the winit window, whose
//! `available_monitors` is the very list (in the very order) that egui's
//! `ViewportCommand::SetMonitor(n)` picks from: so a button per entry is a display that
//! exists. Headless (tests) there is no window; tests set the list themselves.

/// One display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Display {
    /// The windowing system's name for it ("HDMI-1"), when it has one.
    pub name: Option<String>,
    /// Its size in physical pixels.
    pub size_px: [u32; 2],
}

impl Display {
    /// "HDMI-1 · 1920×1080", for the button's tooltip.
    pub fn describe(&self) -> String {
        let [w, h] = self.size_px;
        match &self.name {
            Some(name) => format!("{name} · {w}×{h}"),
            None => format!("{w}×{h}"),
        }
    }
}

/// The displays the window's windowing system knows now.
pub fn available(frame: &eframe::Frame) -> Option<Vec<Display>> {
    let window = frame.winit_window()?;
    Some(
        window
            .available_monitors()
            .map(|m| Display {
                name: m.name(),
                size_px: [m.size().width, m.size().height],
            })
            .collect(),
    )
}
