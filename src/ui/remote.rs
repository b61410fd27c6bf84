//! The local API in the producer window: a switch that serves it (remembered for the
//! next start), the signed-in link and its QR code, so the producer's phone opens the
//! producer page by scanning the screen.

use egui::RichText;

use super::text::{Texts, fill};
use super::theme;
use super::{Command, View};

/// What went wrong with the API's switch or its link, kept as facts so it is worded in
/// the language on screen, also after a switch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RemoteProblem {
    /// The address could not be bound (a port in use).
    ServeFailed {
        /// The address tried.
        addr: std::net::SocketAddr,
        /// The OS's words.
        why: String,
    },
    /// The kept link could not be read: this run's link is a new one.
    KeychainRead(String),
    /// "Keep this link" could not write to the keychain.
    KeychainKeep(String),
    /// "New link" could not forget the kept one: the next start would bring it back.
    KeychainForget(String),
    /// No random token could be made.
    NewLink(String),
}

impl RemoteProblem {
    /// The sentence the producer window shows.
    pub fn words(&self, texts: &Texts) -> String {
        match self {
            Self::ServeFailed { addr, why } => {
                fill(texts.remote_serve_failed, &[&addr.to_string(), why])
            }
            Self::KeychainRead(why) => fill(texts.remote_keychain_read_failed, &[why]),
            Self::KeychainKeep(why) => fill(texts.remote_keychain_failed, &[why]),
            Self::KeychainForget(why) => fill(texts.remote_keychain_forget_failed, &[why]),
            Self::NewLink(why) => fill(texts.remote_new_link_failed, &[why]),
        }
    }
}

/// The QR code's texture, made once for the link it shows.
#[derive(Default)]
pub struct QrTexture {
    made_for: Option<String>,
    texture: Option<egui::TextureHandle>,
}

/// Pixels per QR module: sharp and large enough for a phone camera at arm's length.
const MODULE_PX: usize = 4;
/// Light modules around the code, as the QR standard asks.
const QUIET_MODULES: usize = 4;

impl QrTexture {
    fn texture(&mut self, ctx: &egui::Context, url: &str) -> Option<&egui::TextureHandle> {
        if self.made_for.as_deref() != Some(url) {
            self.made_for = Some(url.to_owned());
            self.texture = qr_image(url)
                .map(|image| ctx.load_texture("api-link-qr", image, egui::TextureOptions::NEAREST));
        }
        self.texture.as_ref()
    }
}

/// The code as an image: dark modules black on white.
fn qr_image(url: &str) -> Option<egui::ColorImage> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_MODULES) * MODULE_PX;
    let mut rgba = vec![255u8; side * side * 4];
    for (i, color) in colors.iter().enumerate() {
        if *color != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET_MODULES, i / modules + QUIET_MODULES);
        for y in my * MODULE_PX..(my + 1) * MODULE_PX {
            for x in mx * MODULE_PX..(mx + 1) * MODULE_PX {
                let p = (y * side + x) * 4;
                rgba[p..p + 3].fill(0);
            }
        }
    }
    Some(egui::ColorImage::from_rgba_unmultiplied(
        [side, side],
        &rgba,
    ))
}

/// The switch that serves the API on this computer, and while it serves, the link and
/// its QR code.
pub fn remote_ui(
    ui: &mut egui::Ui,
    frame: &View<'_>,
    qr: &mut QrTexture,
    commands: &mut Vec<Command>,
) {
    let texts = frame.texts;
    egui::CollapsingHeader::new(
        RichText::new(texts.remote_heading)
            .color(theme::DIM)
            .strong(),
    )
    .id_salt("remote")
    .default_open(true)
    .show(ui, |ui| {
        let mut serving = frame.serving_url.is_some();
        if ui.checkbox(&mut serving, texts.remote_serve).clicked() {
            commands.push(Command::ToggleServing);
        }
        let mut lan = frame.serve_lan;
        // Chosen before serving: the address is bound when serving starts.
        let lan_box = ui.add_enabled(
            frame.serving_url.is_none(),
            egui::Checkbox::new(&mut lan, texts.remote_lan),
        );
        if lan_box.clicked() {
            commands.push(Command::ToggleLan);
        }
        if frame.serve_lan {
            ui.label(RichText::new(texts.remote_lan_warning).color(theme::AMBER));
        }
        if let Some(problem) = frame.serve_problem {
            ui.label(RichText::new(problem.words(texts)).color(theme::AMBER));
        }
        let Some(url) = frame.serving_url else {
            if !frame.serve_lan {
                ui.label(RichText::new(texts.remote_local_only).color(theme::DIM));
            }
            return;
        };
        ui.label(RichText::new(texts.remote_note).color(theme::DIM));
        ui.add(egui::Label::new(RichText::new(url).monospace()).selectable(true));
        for more in frame.more_urls {
            ui.add(
                egui::Label::new(RichText::new(more).monospace().color(theme::DIM))
                    .selectable(true),
            );
        }
        ui.horizontal_wrapped(|ui| {
            if frame.link_pinned {
                ui.label(RichText::new(texts.remote_link_kept).color(theme::GREEN));
            } else if ui.button(texts.remote_keep_link).clicked() {
                commands.push(Command::KeepLink);
            }
            if ui.button(texts.remote_new_link).clicked() {
                commands.push(Command::NewLink);
            }
        });
        if let Some(texture) = qr.texture(ui.ctx(), url) {
            ui.add(
                egui::Image::new(texture)
                    .fit_to_exact_size(egui::vec2(180.0, 180.0))
                    .alt_text(texts.remote_qr),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_has_a_quiet_zone_and_dark_modules() {
        let image = qr_image("http://127.0.0.1:4090/?token=0123456789abcdef0123456789abcdef")
            .expect("a short link fits a QR code");
        let side = image.size[0];
        assert_eq!(image.size, [side, side]);
        // The quiet zone is white; the finder pattern's corner right after it is dark.
        let at = |x: usize, y: usize| image.pixels[y * side + x];
        assert_eq!(at(0, 0), egui::Color32::WHITE);
        let first = QUIET_MODULES * MODULE_PX;
        assert_eq!(at(first, first), egui::Color32::BLACK);
    }
}
