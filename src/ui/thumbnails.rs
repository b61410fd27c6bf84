//! Thumbnails of the plan's media, decoded off the UI thread at start-up so a share-media
//! cue shows its picture at once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};

use crate::plan::Plan;

/// Longest side of a thumbnail, in pixels.
const MAX_SIDE: u32 = 480;

/// A media id and its thumbnail, `None` when the file does not decode.
type Decoded = (String, Option<([usize; 2], Vec<u8>)>);

/// Media thumbnails by media id.
#[derive(Default)]
pub struct Thumbnails {
    incoming: Option<Receiver<Decoded>>,
    textures: HashMap<String, egui::TextureHandle>,
    decoded: HashMap<String, ([usize; 2], Vec<u8>)>,
}

impl Thumbnails {
    /// Starts decoding every media item of the plan on a background thread.
    pub fn load(plan: &Plan, plan_dir: Option<&Path>) -> Self {
        let Some(dir) = plan_dir else {
            return Self::default();
        };
        let jobs: Vec<(String, std::path::PathBuf)> = plan
            .media
            .iter()
            .map(|m| (m.id.clone(), dir.join(&m.path)))
            .collect();
        if jobs.is_empty() {
            return Self::default();
        }
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("livecue-thumbnails".into())
            .spawn(move || {
                for (id, path) in jobs {
                    let result = image::open(&path)
                        .map(|img| {
                            let thumb = img.thumbnail(MAX_SIDE, MAX_SIDE).to_rgba8();
                            let size = [thumb.width() as usize, thumb.height() as usize];
                            (size, thumb.into_raw())
                        })
                        .ok();
                    if tx.send((id, result)).is_err() {
                        return;
                    }
                }
            });
        Self {
            incoming: spawned.ok().map(|_| rx),
            ..Self::default()
        }
    }

    /// The texture for a media id, once decoded.
    pub fn texture(&mut self, ctx: &egui::Context, id: &str) -> Option<egui::TextureHandle> {
        if let Some(rx) = &self.incoming {
            // A file that does not decode simply has no thumbnail; `livecue check`
            // already warns about missing media.
            for (media_id, result) in rx.try_iter() {
                if let Some(image) = result {
                    self.decoded.insert(media_id, image);
                }
            }
        }
        if let Some(t) = self.textures.get(id) {
            return Some(t.clone());
        }
        let (size, rgba) = self.decoded.remove(id)?;
        let image = egui::ColorImage::from_rgba_unmultiplied(size, &rgba);
        let texture = ctx.load_texture(format!("media-{id}"), image, egui::TextureOptions::LINEAR);
        self.textures.insert(id.to_owned(), texture.clone());
        Some(texture)
    }
}
