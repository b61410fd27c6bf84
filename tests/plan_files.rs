//! Every example plan survives load → save → load unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::PathBuf;

use livecue::plan;

fn example_plans() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    found.sort();
    found
}

#[test]
fn load_save_load_gives_an_equal_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let plans = example_plans();
    assert!(plans.len() >= 3);
    for path in plans {
        let (first, _) = plan::load(&path).unwrap();
        let copy = tmp.path().join(path.file_name().unwrap());
        plan::save(&first, &copy).unwrap();
        let (second, saved_text) = plan::load(&copy).unwrap();
        assert_eq!(first, second, "{}", path.display());
        assert_eq!(plan::hash(&first).unwrap(), plan::hash(&second).unwrap());
        // The saved file is still readable by a person: pretty, with CJK kept as is.
        assert!(saved_text.lines().count() > 20, "{}", path.display());
        if path.to_string_lossy().contains("zh-TW") {
            assert!(
                saved_text.contains("玻尿酸保濕精華"),
                "CJK must not be escaped"
            );
        }
    }
}

#[test]
fn hash_ignores_layout_but_not_content() {
    let src = std::fs::read_to_string(&example_plans()[0]).unwrap();
    let a = plan::parse(&src, "a").unwrap();
    let b = plan::parse(&src.replace("\n", "\n\n"), "b").unwrap();
    assert_eq!(plan::hash(&a).unwrap(), plan::hash(&b).unwrap());
    let mut c = a.clone();
    c.title.push('!');
    assert_ne!(plan::hash(&a).unwrap(), plan::hash(&c).unwrap());
}
