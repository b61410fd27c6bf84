"""Makes assets/fonts/NotoSansTC-livecue-subset.otf from Noto Sans CJK TC, and
assets/fonts/NotoSans-marks-subset.ttf (combining marks) from Noto Sans.

Usage (from the repository root; needs fontTools, `pip install fonttools`):

    apt-get download fonts-noto-cjk fonts-noto-core
    for d in fonts-noto-*.deb; do dpkg-deb -x "$d" noto; done
    python3 assets/fonts/subset-fonts.py noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        noto/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf

The subset keeps the Traditional Chinese face (index 3 of the collection) for:
- Big5's common ideographs (level 1, 5,401 characters: the set Taiwan's everyday text
  is written in) and its symbol rows (punctuation, Bopomofo, full-width forms);
- Bopomofo, CJK punctuation and full-width forms whole;
- every ideograph in the interface catalogue (`src/ui/text/`: zh_tw.rs, the editor's
  words, plan problems), the plans, the demo comments and
  the test fixtures, so what livecue shows itself is drawn with Taiwan's glyph forms.
Latin, kana and Hangul are left out: egui's own fonts draw Latin first, and the
bundled WenQuanYi Micro Hei behind this face covers the rest.

The marks face keeps only the combining marks (U+0300–036F and their supplements),
which neither egui's fonts nor WenQuanYi have: viewers write s̵t̵r̵u̵c̵k̵ and z͎a͎l͎g͎o͎
text, and a mark without a glyph shows as a box.
"""

import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "assets/fonts/NotoSansTC-livecue-subset.otf"
MARKS_OUT = ROOT / "assets/fonts/NotoSans-marks-subset.ttf"
MARKS = [(0x0300, 0x0370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30)]
TC_INDEX = 3


def big5(lo, hi):
    chars = set()
    for b1 in range(lo >> 8, (hi >> 8) + 1):
        for b2 in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            code = (b1 << 8) | b2
            if lo <= code <= hi:
                try:
                    chars.add(bytes([b1, b2]).decode("big5"))
                except UnicodeDecodeError:
                    pass
    return chars


def is_han(ch):
    c = ord(ch)
    return 0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3FFFF


def corpus():
    # The whole text catalogue: zh_tw.rs, the editor's words and the plan problems'.
    files = sorted((ROOT / "src/ui/text").rglob("*.rs")) + [ROOT / "assets/demo/comments.jsonl"]
    files += sorted((ROOT / "plans").glob("*.ron"))
    files += sorted(p for p in (ROOT / "tests/fixtures").rglob("*") if p.is_file())
    chars = set()
    for path in files:
        try:
            chars |= {ch for ch in path.read_text(encoding="utf-8") if is_han(ch)}
        except UnicodeDecodeError:
            pass
    return chars


def main():
    source = TTCollection(sys.argv[1]).fonts[TC_INDEX]
    assert source["name"].getDebugName(1) == "Noto Sans CJK TC"
    wanted = big5(0xA440, 0xC67E) | big5(0xA140, 0xA3BF) | corpus()
    codes = {ord(ch) for ch in wanted}
    codes |= set(range(0x3000, 0x3040)) | set(range(0x3100, 0x3130))
    codes |= set(range(0x31A0, 0x31C0)) | set(range(0xFF01, 0xFF61))
    cmap = source.getBestCmap()
    codes = {c for c in codes if c in cmap}
    cut(source, codes, OUT)
    marks = TTFont(sys.argv[2])
    assert marks["name"].getDebugName(1) == "Noto Sans"
    codes = {c for lo, hi in MARKS for c in range(lo, hi) if c in marks.getBestCmap()}
    cut(marks, codes, MARKS_OUT)


def cut(font, codes, out):
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    font.save(out)
    print(f"{out.name}: {len(codes)} characters, {out.stat().st_size} bytes")


main()
